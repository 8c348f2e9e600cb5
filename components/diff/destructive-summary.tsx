import { diffAnchorId } from '@/lib/diff/finding-entries';
import { DESTRUCTIVE_IMPACTS, type Impact, type ResourceChange } from '@/lib/diff/types';

/**
 * A red callout naming every resource a deploy would replace, maybe replace, destroy or orphan, in DESTRUCTIVE_IMPACTS order
 * (each linked to its diff entry when `linked`); nothing when the diff is not destructive.
 */
export function DestructiveSummary({ changes, linked }: { changes: readonly ResourceChange[]; linked: boolean }) {
  const groups = DESTRUCTIVE_IMPACTS.map((impact) => ({ impact, changes: changes.filter((change) => change.impact === impact) })).filter(
    (group) => group.changes.length > 0,
  );
  if (groups.length === 0) return null;
  return (
    <section
      data-testid="diff-destructive"
      role="note"
      className="space-y-1.5 rounded-md bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-300"
    >
      <h3 className="font-semibold">⚠ Deploying this diff loses or recreates resources</h3>
      <ul className="space-y-1">
        {groups.map((group) => (
          <li
            key={group.impact}
            data-testid="diff-destructive-group"
            data-impact={group.impact}
            className="flex flex-wrap items-baseline gap-x-2 gap-y-1"
          >
            <span className="font-medium">
              {group.changes.length} {VERBS[group.impact]}:
            </span>
            {group.changes.map((change) =>
              linked ? (
                <a key={diffAnchorId(change)} href={`#${diffAnchorId(change)}`} className="font-mono text-xs break-all underline">
                  {change.logicalId}
                </a>
              ) : (
                <code key={diffAnchorId(change)} className="font-mono text-xs break-all">
                  {change.logicalId}
                </code>
              ),
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What each destructive impact does, after a count ("3 replaced"). */
const VERBS: Partial<Record<Impact, string>> = {
  replace: 'replaced',
  'may-replace': 'may be replaced',
  destroy: 'destroyed',
  orphan: 'orphaned (removed from the stack, kept in the account)',
};
