import Link from 'next/link';
import { listAuditSessions } from '@/lib/audit/create-session';
import { loadPanel } from '@/components/panel/load-panel';
import { formatTime } from './format';
import { StartSessionForm } from './start-session-form';
import { StatusBadge } from './status-badge';

/** The review page's "Audit sessions" panel: this review's sessions with progress, and for reviewers a start form. */
export async function AuditSessionsPanel({ reviewId, canStart }: { reviewId: string; canStart: boolean }) {
  // The review stays usable when the session store cannot be read: the panel says so instead of failing the page.
  const loaded = await loadPanel(() => listAuditSessions({ reviewId }), 'Audit sessions could not be loaded.');
  if (loaded.status === 'error') {
    return (
      <p data-testid="sessions-panel-error" className="text-xs text-red-700">
        {loaded.message}
      </p>
    );
  }
  const sessions = loaded.value;
  return (
    <section
      data-testid="sessions-panel"
      aria-labelledby="sessions-heading"
      className="space-y-2 rounded-lg bg-white px-4 py-3 shadow-xs ring-1 ring-slate-200"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="sessions-heading" className="text-sm font-semibold text-slate-900">
          Audit sessions <span className="font-mono text-xs font-normal text-slate-400">{sessions.length}</span>
        </h2>
        {canStart && <StartSessionForm reviewId={reviewId} />}
      </div>
      {sessions.length === 0 ? (
        <p className="text-xs text-slate-500">No audit sessions on this review yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {sessions.map((s) => (
            <li
              key={s.id}
              data-testid="session-item"
              data-session-id={s.id}
              data-status={s.status}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5"
            >
              <Link
                href={`/sessions/${s.id}`}
                prefetch={false}
                data-testid="session-link"
                className="font-medium text-slate-900 hover:underline"
              >
                {s.name}
              </Link>
              <StatusBadge status={s.status} />
              <span data-testid="session-item-progress" className="font-mono text-xs text-slate-700">
                {s.progress.judged} / {s.progress.total} judged
              </span>
              <span className="text-xs text-slate-500">
                {s.signoffs} / {s.requiredSignoffs} sign-offs
              </span>
              <span className="ml-auto text-xs text-slate-500">
                {s.createdBy.label} · <time dateTime={s.createdAt}>{formatTime(s.createdAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
