import { formatInstant } from '@/components/stack/labels';
import { changeSetRowsOf, summarizeChangeRows } from '@/lib/deploy/change-rows';
import type { DeployView } from '@/lib/deploy/types';
import { changeSummaryText } from './deploy-preview';
import { DeployStatusBadge } from './deploy-status';

/** The target's stored deploys, newest first: when, who, outcome, and what the change set held. */
export function DeployHistory({ deploys }: { deploys: readonly DeployView[] }) {
  return (
    <section aria-labelledby="deploy-history-title" className="space-y-1.5">
      <h3 id="deploy-history-title" className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
        Deploy history
      </h3>
      {deploys.length === 0 ? (
        <p data-testid="deploy-history-empty" className="text-xs text-slate-600">
          No deploys to this target yet.
        </p>
      ) : (
        <ol data-testid="deploy-history" className="divide-y divide-slate-100 rounded-md text-xs ring-1 ring-slate-200">
          {deploys.map((deploy) => (
            <li key={deploy.id} data-testid="deploy-history-row" data-status={deploy.status} className="space-y-0.5 px-2.5 py-1.5">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <time dateTime={deploy.createdAt} className="font-mono text-slate-600">
                  {formatInstant(deploy.createdAt)}
                </time>
                <DeployStatusBadge status={deploy.status} testId="deploy-history-status" />
              </p>
              <p data-testid="deploy-history-who" className="break-all text-slate-800">
                {deploy.requestedBy.label}
                {deploy.confirmedBy && deploy.confirmedBy !== emailOf(deploy.requestedBy.label) && (
                  <span className="text-slate-600">, executed by {deploy.confirmedBy}</span>
                )}
              </p>
              <p data-testid="deploy-history-summary" className="text-slate-600">
                {outcomeLine(deploy)}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The change set's size and the stack's end state, or the message when there was no change set to speak of. */
function outcomeLine(deploy: DeployView): string {
  const size = deploy.preview
    ? `${deploy.preview.changeSetType}: ${changeSummaryText(summarizeChangeRows(changeSetRowsOf(deploy.preview)))}`
    : null;
  const end = deploy.outcome?.stackStatus;
  return [size, end].filter(Boolean).join('; ') || deploy.message || '';
}

/** The email inside a `Name <email>` label. */
function emailOf(label: string): string {
  return /<([^>]+)>$/.exec(label)?.[1] ?? label;
}
