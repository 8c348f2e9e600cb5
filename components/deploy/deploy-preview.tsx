import { DiffView } from '@/components/diff/diff-view';
import { changeSetRowsOf, summarizeChangeRows } from '@/lib/deploy/change-rows';
import type { DeployPreview } from '@/lib/deploy/types';
import { ChangeSetTable } from './change-set-table';

/** A change set's preview: its type and size, why it needs confirmation (or that it needs none), its resource changes and the diff. */
export function DeployPreviewView({ preview }: { preview: DeployPreview }) {
  const { approval } = preview;
  const summary = summarizeChangeRows(changeSetRowsOf(preview));
  return (
    <section data-testid="deploy-preview" className="space-y-3">
      <p className="text-sm text-slate-700">
        <span data-testid="deploy-change-set-type" className="font-semibold">
          {preview.changeSetType}
        </span>{' '}
        change set: <span data-testid="deploy-change-summary">{changeSummaryText(summary)}</span> (
        <span data-testid="deploy-change-count">{preview.changeCount}</span> change(s) listed by CloudFormation); approval policy{' '}
        <code>{approval.policy}</code>.
      </p>
      {approval.required ? (
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
      ) : (
        <p data-testid="deploy-approval-none" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200">
          The approval policy requires no confirmation for this change; nothing runs until you execute it.
        </p>
      )}
      <ChangeSetTable preview={preview} />
      <details className="rounded-md ring-1 ring-slate-200">
        <summary className="cursor-pointer px-3 py-2 text-sm text-slate-700">
          Property changes: the deployed template → the reference
        </summary>
        <div className="p-3">
          <DiffView diff={preview.diff} title="Change set preview" />
        </div>
      </details>
    </section>
  );
}

/** "2 to add, 1 to modify (1 replaced), 0 to remove". */
export function changeSummaryText(summary: ReturnType<typeof summarizeChangeRows>): string {
  const replaced = summary.replace > 0 ? ` (${summary.replace} replaced)` : '';
  return `${summary.add} to add, ${summary.modify} to modify${replaced}, ${summary.remove} to remove`;
}
