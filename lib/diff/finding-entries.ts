/* Which resource changes of a review's diff a finding is about, and the anchors that link the two. */
import type { Finding } from '../rules/finding';
import type { ResourceChange, TemplateDiffJson } from './types';

/** A finding as this module needs it: its side (model = the diff's `to`, reference = `from`), resources and stack. */
export type SidedFinding = Pick<Finding, 'resources' | 'stack'> & { side: 'model' | 'reference' };

/** The stable anchor id of a resource change on a diff page: `diff-<logicalId>`, with the stack pair's key in a multi-stack diff. */
export function diffAnchorId(change: Pick<ResourceChange, 'logicalId' | 'stack'>): string {
  return change.stack ? `diff-${change.stack}-${change.logicalId}` : `diff-${change.logicalId}`;
}

/**
 * The resource changes a finding concerns, in the diff's order: a model finding names the model's IDs (an aligned pair's
 * `modelLogicalId`), so it never lands on a removed resource; a reference finding names the reference's, never an added one.
 */
export function entriesOfFinding(diff: TemplateDiffJson, finding: SidedFinding): ResourceChange[] {
  const wanted = new Set(finding.resources);
  if (wanted.size === 0) return [];
  const isModel = finding.side === 'model';
  const pairKey = finding.stack && diff.stacks?.find((pair) => pair[isModel ? 'to' : 'from'] === finding.stack)?.stack;
  return diff.resources.filter((change) => {
    if (diff.stacks && finding.stack && change.stack !== pairKey) return false;
    if (isModel) return change.change !== 'removed' && wanted.has(change.modelLogicalId ?? change.logicalId);
    return change.change !== 'added' && wanted.has(change.logicalId);
  });
}

/** The findings of each resource change (by diffAnchorId), in the order given; changes no finding concerns are absent. */
export function findingsByAnchor<F extends SidedFinding>(diff: TemplateDiffJson, findings: readonly F[]): Map<string, F[]> {
  const byAnchor = new Map<string, F[]>();
  for (const finding of findings) {
    for (const change of entriesOfFinding(diff, finding)) {
      const anchor = diffAnchorId(change);
      byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), finding]);
    }
  }
  return byAnchor;
}
