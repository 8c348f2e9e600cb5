import { sessionProgress } from '@/lib/audit/progress';
import type { LineCommentView, ManualFindingView, SessionProgress } from '@/lib/audit/types';
import type { CommentView, PresenceView, SessionStreamEvent, SessionView, SignoffView, VerdictView } from './types';

/** What applying an event yields: the next view, or `refetch` when only a fresh GET can bring the view up to date. */
export type ApplyResult = { view: SessionView } | { refetch: true };

/**
 * Applies one session event to a view without mutating it. Idempotent: upserts by user or id, so an event seen twice
 * (a reconnect replays) changes nothing the second time. Unknown or malformed events ask for a refetch.
 */
export function applySessionEvent(view: SessionView, event: SessionStreamEvent): ApplyResult {
  if (event.sessionId !== view.session.id) return { view };
  const data = event.data as Record<string, unknown> | null;
  switch (event.type) {
    case 'verdict': {
      if (!event.key || !isObject(data) || typeof data.userId !== 'string') return { refetch: true };
      const others = (view.verdicts[event.key] ?? []).filter((v) => v.userId !== data.userId);
      const next = data.verdict ? [...others, data as unknown as VerdictView] : others;
      return { view: { ...view, verdicts: { ...view.verdicts, [event.key]: next } } };
    }
    case 'comment': {
      if (!event.key || !isObject(data) || typeof data.id !== 'string') return { refetch: true };
      const thread = view.comments[event.key] ?? [];
      if (thread.some((c) => c.id === data.id)) return { view };
      return { view: { ...view, comments: { ...view.comments, [event.key]: [...thread, data as unknown as CommentView] } } };
    }
    case 'line-comment': {
      if (!isObject(data) || typeof data.id !== 'string' || typeof data.line !== 'number') return { refetch: true };
      if (view.lineComments.some((c) => c.id === data.id)) return { view };
      return { view: { ...view, lineComments: [...view.lineComments, data as unknown as LineCommentView] } };
    }
    case 'manual-finding': {
      if (!isObject(data) || typeof data.id !== 'string') return { refetch: true };
      if (view.manualFindings.some((m) => m.id === data.id)) return { view };
      return { view: { ...view, manualFindings: [...view.manualFindings, data as unknown as ManualFindingView] } };
    }
    case 'signoff': {
      if (!isObject(data) || typeof data.userId !== 'string') return { refetch: true };
      if (view.signoffs.some((s) => s.userId === data.userId)) return { view };
      return { view: { ...view, signoffs: [...view.signoffs, data as unknown as SignoffView] } };
    }
    case 'closed': {
      const closedAt = isObject(data) && typeof data.closedAt === 'string' ? data.closedAt : event.at;
      return { view: { ...view, session: { ...view.session, status: 'closed', closedAt }, me: { ...view.me, canEdit: false } } };
    }
    case 'presence': {
      const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.presence) ? data.presence : null;
      if (!list) return { refetch: true };
      return { view: { ...view, presence: list as PresenceView[] } };
    }
    default:
      return { refetch: true };
  }
}

/** Judged model-side and manual findings out of all of them, by lib/audit's definition, from the view's own state. */
export function viewProgress(view: SessionView): SessionProgress {
  return sessionProgress({
    findings: view.findings,
    manualIds: view.manualFindings.map((m) => m.id),
    judgedKeys: Object.keys(view.verdicts).filter((key) => (view.verdicts[key]?.length ?? 0) > 0),
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
