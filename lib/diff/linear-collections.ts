/*
 * cloudformation-diff's DifferenceCollection recomputes `changes` (a filter over every difference, each asking its
 * resource whether it differs) on each access, and its `forEachDifference` and `filter` read `changes` once per logical
 * ID: quadratic in the number of resources (4,000 buckets: 30 s). fullDiff calls both internally, so a wrapper around
 * our own calls is not enough; the two methods are replaced with versions that read `changes` once per call.
 */
import { DifferenceCollection, type IDifference } from '@aws-cdk/cloudformation-diff';

type AnyCollection = DifferenceCollection<unknown, IDifference<unknown>>;
type Entry = { logicalId: string; change: IDifference<unknown> };

let installed = false;

/** Makes DifferenceCollection's forEachDifference and filter linear; idempotent, same results and order as the library's. */
export function installLinearDifferenceCollections(): void {
  if (installed) return;
  installed = true;
  const prototype = DifferenceCollection.prototype as AnyCollection;
  prototype.forEachDifference = function forEachDifference(this: AnyCollection, cb) {
    // The library's order: removed, added, updated, then other changes; each group in the collection's order.
    const groups: Record<'removed' | 'added' | 'updated' | 'others', Entry[]> = { removed: [], added: [], updated: [], others: [] };
    for (const [logicalId, change] of Object.entries(this.changes)) {
      const group = change.isAddition
        ? 'added'
        : change.isRemoval
          ? 'removed'
          : change.isUpdate
            ? 'updated'
            : change.isDifferent
              ? 'others'
              : undefined;
      if (group) groups[group].push({ logicalId, change });
    }
    for (const entries of [groups.removed, groups.added, groups.updated, groups.others]) {
      for (const { logicalId, change } of entries) cb(logicalId, change);
    }
  };
  prototype.filter = function filter(this: AnyCollection, predicate) {
    const kept: Record<string, IDifference<unknown>> = {};
    for (const [logicalId, change] of Object.entries(this.changes)) if (predicate(change)) kept[logicalId] = change;
    return new DifferenceCollection(kept);
  };
}
