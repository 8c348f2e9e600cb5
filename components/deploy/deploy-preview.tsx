import { DiffView } from '@/components/diff/diff-view';
import type { DeployPreview } from '@/lib/deploy/types';

/** A change set's preview: its type and size, why it needs confirmation (if it does), and the diff with impacts. */
export function DeployPreviewView({ preview }: { preview: DeployPreview }) {
  const { approval } = preview;
  return (
    <section data-testid="deploy-preview" className="space-y-3">
      <p className="text-sm text-slate-700">
        <span data-testid="deploy-change-set-type" className="font-semibold">
          {preview.changeSetType}
        </span>{' '}
        change set with <span data-testid="deploy-change-count">{preview.changeCount}</span> change(s); approval policy{' '}
        <code>{approval.policy}</code>.
      </p>
      {approval.required && (
        <div
          data-testid="deploy-approval-reasons"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-600/30"
        >
          <p className="font-medium">This change needs your confirmation:</p>
          <ul className="ml-4 list-disc">
            {approval.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
      <details open={approval.required} className="rounded-md ring-1 ring-slate-200">
        <summary className="cursor-pointer px-3 py-2 text-sm text-slate-700">Diff from the deployed stack to the reference</summary>
        <div className="p-3">
          <DiffView diff={preview.diff} title="Change set preview" />
        </div>
      </details>
    </section>
  );
}
