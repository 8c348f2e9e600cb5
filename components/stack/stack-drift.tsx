import { DiffView } from '@/components/diff/diff-view';
import { deployWouldSentence } from '@/lib/deploy/change-rows';
import type { DeployedView } from '@/lib/stack/types';

/**
 * The deployed template against the reference, read as a deploy would change it (deployed → reference): "In sync", "A
 * deploy would add 2 resources, update 1, remove 0" with the diff, or why there is nothing to compare.
 */
export function StackDrift({ view }: { view: DeployedView }) {
  if (view.inSync) {
    return (
      <p
        data-testid="drift-in-sync"
        className="rounded-md bg-emerald-50 px-3 py-2 text-xs font-medium text-emerald-800 ring-1 ring-inset ring-emerald-200"
      >
        In sync: the deployed template is the reference’s; a deploy would change nothing.
      </p>
    );
  }
  if (view.deployDiff) {
    return (
      <div data-testid="drift-diff" className="space-y-2">
        <p data-testid="drift-summary" className="text-sm font-medium text-slate-800">
          {deployWouldSentence(view.deployDiff.counts)}.
        </p>
        <details className="rounded-md ring-1 ring-slate-200">
          <summary className="cursor-pointer px-3 py-1.5 text-xs text-slate-700">What a deploy of the reference would change</summary>
          <div className="p-2">
            <DiffView diff={view.deployDiff} title="Deployed template → reference" />
          </div>
        </details>
      </div>
    );
  }
  return (
    <p data-testid="drift-unknown" className="text-xs text-slate-600">
      {noComparisonReason(view)}
    </p>
  );
}

/** Why the deployed template cannot be compared with the reference. */
function noComparisonReason(view: DeployedView): string {
  if (view.stack.status === 'not-deployed') return 'Nothing is deployed: a deploy would create every resource of the reference.';
  if (view.stack.status === 'unavailable') return 'Unknown: the stack could not be read.';
  if (view.analysis === 'not-deployed')
    return 'Nothing to compare: the stack has no deployed template yet (a change set was not executed).';
  return 'Unknown: see the problems above.';
}
