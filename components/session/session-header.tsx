import type { LiveStatus } from './use-session-events';
import type { SessionView } from './types';
import { formatTime } from './format';
import { sessionUrl } from './session-api';
import { PresenceList } from './presence-list';
import { StatusBadge } from './status-badge';

/** The session's header: name, status, pinned hashes, staleness warning, presence, progress and exports. */
export function SessionHeader({
  view,
  progress,
  live,
}: {
  view: SessionView;
  progress: { judged: number; total: number };
  live: LiveStatus;
}) {
  const { session, stale } = view;
  const percent = progress.total === 0 ? 0 : Math.round((progress.judged / progress.total) * 100);
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div className="flex items-baseline gap-2">
          <h1 data-testid="session-name" className="text-lg font-semibold text-slate-900">
            {session.name}
          </h1>
          <StatusBadge status={session.status} />
        </div>
        <p className="text-xs text-slate-500">
          Review{' '}
          <a
            href={session.reviewId === 'bundled' ? '/' : `/review/${encodeURIComponent(session.reviewId)}`}
            className="text-slate-700 underline decoration-slate-300"
          >
            {session.reviewId}
          </a>{' '}
          · started by {session.createdBy.label} · <time dateTime={session.createdAt}>{formatTime(session.createdAt)}</time>
          {session.closedAt && (
            <>
              {' '}
              · closed <time dateTime={session.closedAt}>{formatTime(session.closedAt)}</time>
            </>
          )}
        </p>
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600">
        <Hash label="Reference" hash={session.referenceHash} testId="pinned-reference" />
        <Hash label="Model" hash={session.modelHash} testId="pinned-model" />
      </dl>
      {(stale.referenceChanged || stale.modelChanged) && (
        <p
          role="status"
          data-testid="stale-banner"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-600/25"
        >
          infra/ changed since this session was pinned; the session shows the pinned artifacts (
          {[stale.referenceChanged && 'reference', stale.modelChanged && 'model'].filter(Boolean).join(' and ')} differ).
        </p>
      )}
      {!stale.known && stale.message && (
        <p data-testid="stale-unknown" className="text-xs text-slate-500">
          {stale.message}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 rounded-lg bg-white px-3 py-2 ring-1 ring-slate-200">
        <div className="flex min-w-48 flex-1 items-center gap-2">
          <div className="h-1.5 flex-1 overflow-hidden rounded-full bg-slate-100" aria-hidden>
            <div className="h-full rounded-full bg-slate-700 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <span data-testid="progress" className="shrink-0 font-mono text-xs text-slate-700">
            {progress.judged} / {progress.total} judged
          </span>
        </div>
        {/* A closed session is final: nobody works in it live any more. */}
        {session.status === 'open' && <PresenceList presence={view.presence} live={live} />}
        <div className="flex items-center gap-2 text-xs">
          <span className="text-slate-500">Export</span>
          <ExportLink sessionId={session.id} format="md" label="MODEL_FAILURES.md" />
          <ExportLink sessionId={session.id} format="json" label="JSON" />
        </div>
      </div>
    </header>
  );
}

function Hash({ label, hash, testId }: { label: string; hash: string; testId: string }) {
  return (
    <div className="flex gap-1.5">
      <dt className="text-slate-500">{label} pinned at</dt>
      <dd>
        <code data-testid={testId} title={hash} className="text-slate-800">
          {hash.slice(0, 12)}
        </code>
      </dd>
    </div>
  );
}

function ExportLink({ sessionId, format, label }: { sessionId: string; format: 'md' | 'json'; label: string }) {
  return (
    <a
      data-testid={`export-${format}`}
      href={`${sessionUrl(sessionId, 'export')}?format=${format}`}
      download
      className="rounded-md px-2 py-0.5 text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 hover:text-slate-900"
    >
      {label}
    </a>
  );
}
