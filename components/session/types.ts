import type {
  CommentView,
  KeyedFinding,
  PresenceView,
  SessionEvent,
  SessionView,
  SignoffView,
  VerdictValue,
  VerdictView,
} from '@/lib/audit/types';

// The server's plain JSON shapes under their own names (lib/audit/types.ts is types only, safe in the browser).

export type { CommentView, KeyedFinding, PresenceView, SessionView, SignoffView, VerdictValue, VerdictView };
/** One server-sent event of a session; `resync` asks the client to refetch the whole view. */
export type SessionStreamEvent = Omit<SessionEvent, 'type'> & { type: SessionEvent['type'] | 'resync' };
/** What a finding row of the session page gets: the finding, what the session recorded on it, and who is looking. */
export interface FindingRowProps<F> {
  sessionId: string;
  finding: F;
  verdicts: VerdictView[];
  comments: CommentView[];
  meId: string;
  canEdit: boolean;
}
