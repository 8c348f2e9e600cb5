import type { DeployStatus } from '@/lib/deploy/types';

const STATUS_STYLES: Readonly<Record<DeployStatus, { label: string; chip: string }>> = {
  creating_change_set: { label: 'creating change set', chip: 'bg-sky-50 text-sky-700 ring-sky-600/20' },
  awaiting_confirmation: { label: 'awaiting confirmation', chip: 'bg-amber-50 text-amber-800 ring-amber-600/30' },
  executing: { label: 'executing', chip: 'bg-sky-50 text-sky-700 ring-sky-600/20' },
  succeeded: { label: 'succeeded', chip: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20' },
  failed: { label: 'failed', chip: 'bg-red-50 text-red-700 ring-red-600/20' },
  no_changes: { label: 'no changes', chip: 'bg-slate-50 text-slate-600 ring-slate-300' },
  cancelled: { label: 'cancelled', chip: 'bg-slate-50 text-slate-600 ring-slate-300' },
};

/** A pill naming where a deploy stands: amber while it waits for a person, red when it failed. */
export function DeployStatusBadge({ status, testId = 'deploy-status' }: { status: DeployStatus; testId?: string }) {
  const style = STATUS_STYLES[status];
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.chip}`}
    >
      {style.label}
    </span>
  );
}
