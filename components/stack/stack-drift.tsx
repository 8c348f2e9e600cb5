import { DiffView } from '@/components/diff/diff-view';
import type { DeployedView } from '@/lib/stack/types';

/** Drift of the deployed template from the reference: "In sync", the diff drawn like the model's, or why there is none. */
export function StackDrift({ view }: { view: DeployedView }) {
  if (view.inSync) {
    return (
      <p
        data-testid="drift-in-sync"
        className="rounded-md bg-emerald-50 px-3 py-2 text-xs font-medium text-emerald-800 ring-1 ring-inset ring-emerald-200"
      >
        In sync with the reference: the deployed template is the reference’s.
      </p>
    );
  }
  if (view.drift) {
    return (
      <div data-testid="drift-diff">
        <DiffView diff={view.drift} title="Drift from the reference" />
      </div>
    );
  }
  return (
    <p data-testid="drift-unknown" className="text-xs text-slate-500">
      {noDriftReason(view)}
    </p>
  );
}

/** Why there is no drift to show. */
function noDriftReason(view: DeployedView): string {
  if (view.stack.status === 'not-deployed') return 'No drift to show: nothing is deployed.';
  if (view.stack.status === 'unavailable') return 'Drift unknown: the stack could not be read.';
  if (view.analysis === 'not-deployed') return 'No drift to show: the stack has no deployed template yet (a change set was not executed).';
  return 'Drift unknown: see the problems below.';
}
