'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import type { StackEventView } from '@/lib/aws/cloudformation';
import type { DeployView } from '@/lib/deploy/types';
import { DeployEvents } from './deploy-events';
import { DeployPreviewView } from './deploy-preview';
import { DeployStatusBadge } from './deploy-status';

/**
 * A deploy in full width, like the CloudFormation console's change set page: the preview table with the approval
 * reasons, the decision (`actions`), failures and the live events. A modal dialog: Escape or Close returns to the review.
 */
export function DeployDetailDialog({
  deploy,
  events,
  open,
  onClose,
  actions,
}: {
  deploy: DeployView;
  events: readonly StackEventView[];
  open: boolean;
  onClose: () => void;
  actions?: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      data-testid="deploy-detail"
      aria-labelledby="deploy-detail-title"
      onClose={onClose}
      className="m-auto w-[min(80rem,calc(100vw-1rem))] max-w-none rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="space-y-4 p-4 sm:p-6">
        <header className="flex items-start justify-between gap-3">
          <div className="min-w-0 flex-1 space-y-1">
            <h2 id="deploy-detail-title" className="text-base font-semibold">
              Deploy of the reference to <span className="font-mono">{deploy.stackName}</span>
            </h2>
            <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
              <DeployStatusBadge status={deploy.status} testId="deploy-detail-status" />
              requested by {deploy.requestedBy.label}
              {deploy.changeSetId && <span className="font-mono break-all">{deploy.changeSetId}</span>}
            </p>
          </div>
          <button
            type="button"
            data-testid="deploy-detail-close"
            onClick={onClose}
            className="rounded-md px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            Close
          </button>
        </header>
        {/* While a preview waits, the stored message still says how it was made: "Creating change set ...". */}
        {deploy.status !== 'awaiting_confirmation' && deploy.message && (
          <p className={`text-sm ${deploy.status === 'failed' ? 'text-red-800' : 'text-slate-700'}`}>{deploy.message}</p>
        )}
        {deploy.preview && <DeployPreviewView preview={deploy.preview} />}
        {actions}
        {deploy.outcome && deploy.outcome.failures.length > 0 && (
          <ul
            data-testid="deploy-failures"
            className="space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 ring-1 ring-red-600/20"
          >
            {deploy.outcome.failures.map((failure) => (
              <li key={`${failure.logicalId}-${failure.status}`}>
                <span className="font-mono">{failure.logicalId}</span> {failure.status}: {failure.reason}
              </li>
            ))}
            {deploy.outcome.rollback && <li>Rollback: {deploy.outcome.rollback}</li>}
          </ul>
        )}
        {(deploy.status === 'executing' || events.length > 0) && (
          <section aria-labelledby="deploy-events-title" className="space-y-1.5">
            <h3 id="deploy-events-title" className="text-sm font-semibold text-slate-800">
              Events
            </h3>
            <DeployEvents events={events} />
          </section>
        )}
      </div>
    </dialog>
  );
}
