'use client';

import { useCallback, useMemo, useRef, useState } from 'react';
import { CATEGORIES } from '@/lib/rules/types';
import { applySessionEvent, viewProgress } from './apply-event';
import { unjudgedProblems } from './group-verdicts';
import { LineCommentList } from './line-comment-list';
import { ManualFindingForm } from './manual-finding-form';
import { fetchSessionView } from './session-api';
import { SessionFindings } from './session-findings';
import { SessionHeader } from './session-header';
import { SignoffPanel } from './signoff-panel';
import type { SessionStreamEvent, SessionView } from './types';
import { useSessionEvents } from './use-session-events';

/**
 * The live session page: starts from the server's view, applies each SSE event once (by eventId, idempotently), and
 * refetches the whole view on `resync`, on an event it cannot apply, and after a reconnect (events may have been missed).
 */
export function SessionLive({ initial }: { initial: SessionView }) {
  const [view, setViewState] = useState(initial);
  // Events are applied against the latest view synchronously (not in a state updater, which React may defer or repeat).
  const latest = useRef(initial);
  const refetching = useRef<Promise<void> | null>(null);
  // Events that arrive while a refetch is in flight are re-applied to its answer, which may predate them.
  const sinceFetch = useRef<SessionStreamEvent[]>([]);
  const sessionId = initial.session.id;

  const setView = useCallback((next: SessionView) => {
    latest.current = next;
    setViewState(next);
  }, []);

  const refetch = useCallback(() => {
    if (refetching.current) return;
    sinceFetch.current = [];
    refetching.current = fetchSessionView(sessionId)
      .then((fresh) => {
        if (!fresh) return;
        const replayed = sinceFetch.current.reduce((v, e) => {
          const result = applySessionEvent(v, e);
          return 'view' in result ? result.view : v;
        }, fresh);
        setView(replayed);
      })
      .finally(() => {
        refetching.current = null;
      });
  }, [sessionId, setView]);

  const onEvent = useCallback(
    (event: SessionStreamEvent) => {
      if (refetching.current) sinceFetch.current.push(event);
      if (event.type === 'resync') return refetch();
      const result = applySessionEvent(latest.current, event);
      if ('refetch' in result) return refetch();
      setView(result.view);
      // Closing changes what I may do (canEdit) and the header's times: take the server's word for all of it.
      if (event.type === 'closed') refetch();
    },
    [refetch, setView],
  );

  const live = useSessionEvents(sessionId, onEvent, refetch);
  const progress = useMemo(() => viewProgress(view), [view]);
  const unjudged = useMemo(() => unjudgedProblems(view, CATEGORIES), [view]);
  const { session, me } = view;
  const open = session.status === 'open';
  const canEdit = me.canEdit && open;
  const shown = canEdit === me.canEdit ? view : { ...view, me: { ...me, canEdit } };

  return (
    <div data-testid="session-page" data-status={session.status} data-role={me.role} className="space-y-6">
      <SessionHeader view={view} progress={progress} live={live} />
      <SignoffPanel
        sessionId={sessionId}
        signoffs={view.signoffs}
        required={session.requiredSignoffs}
        meId={me.id}
        canEdit={canEdit}
        unjudged={unjudged}
      />
      {!open && (
        <p data-testid="closed-note" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-300">
          This session is closed and read-only: its verdicts, comments and sign-offs are final.
        </p>
      )}
      {!canEdit && open && (
        <p data-testid="read-only-note" className="text-xs text-slate-500">
          You can follow this session; recording verdicts and comments needs the reviewer role.
        </p>
      )}
      {canEdit && <ManualFindingForm sessionId={sessionId} />}
      <SessionFindings view={shown} />
      <LineCommentList view={shown} />
    </div>
  );
}
