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

// The session UI's names for the server's plain JSON shapes (lib/audit/types.ts is types only, safe in the browser).

export type { SessionView, VerdictValue };
/** One participant's verdict on a finding. */
export type VerdictEntry = VerdictView;
/** One comment on a finding. */
export type CommentEntry = CommentView;
/** A pinned finding with its session key. */
export type SessionFinding = KeyedFinding;
/** A sign-off. */
export type SignoffEntry = SignoffView;
/** Someone connected to the session. */
export type PresenceEntry = PresenceView;
/** One server-sent event of a session; `resync` asks the client to refetch the whole view. */
export type SessionStreamEvent = Omit<SessionEvent, 'type'> & { type: SessionEvent['type'] | 'resync' };
/** What a finding row of the session page gets: the finding, what the session recorded on it, and who is looking. */
export interface FindingRowProps<F> {
  sessionId: string;
  finding: F;
  verdicts: VerdictEntry[];
  comments: CommentEntry[];
  meId: string;
  canEdit: boolean;
}
