import type { Role } from '../auth/roles';
import type { SessionStatus, VerdictValue } from '../db/schema';
/** A reviewer's verdict on a finding, as the session views carry it. */
export type { VerdictValue } from '../db/schema';
import type { TemplateDiffJson } from '../diff/types';
import type { ArtifactState, ReviewFinding } from '../pipeline/types';
import type { ManualFindingInput } from '../report/session-report';

// Plain JSON shapes served by /api/sessions/** and getSessionView; the UI builds against these types.

/** A user as a session shows them: id and label (their name, else their email's local part). */
export interface UserRef {
  id: string;
  label: string;
}

/** A finding of the pinned review with its stable key (see findingKey). */
export type KeyedFinding = ReviewFinding & { key: string };

/** What a session pins at creation: the review's findings, artifact states and diff, immune to later changes of infra/. */
export interface SessionSnapshot {
  reviewId: string;
  reviewName: string;
  generatedAt: string;
  reference: ArtifactState;
  model: ArtifactState;
  findings: KeyedFinding[];
  diff: TemplateDiffJson | null;
}

/** A session's header fields. */
export interface SessionInfo {
  id: string;
  reviewId: string;
  name: string;
  status: SessionStatus;
  requiredSignoffs: number;
  createdBy: UserRef;
  createdAt: string;
  closedAt: string | null;
  referenceHash: string;
  modelHash: string;
}

/** Judged model-side and manual findings out of all of them. */
export interface SessionProgress {
  judged: number;
  total: number;
}

/** A session as listed under its review. */
export interface SessionSummary extends SessionInfo {
  progress: SessionProgress;
  signoffs: number;
}

/** Whether a newer review differs from the pinned artifacts; `known: false` when the check could not run (then both are false). */
export interface SessionStaleness {
  referenceChanged: boolean;
  modelChanged: boolean;
  known: boolean;
  message?: string;
}

/** One participant's verdict on a finding. */
export interface VerdictView {
  userId: string;
  userLabel: string;
  verdict: VerdictValue;
  reason: string | null;
  updatedAt: string;
}

/** A markdown comment, stored as written (render it inert). */
export interface CommentView {
  id: string;
  userId: string;
  userLabel: string;
  body: string;
  createdAt: string;
}

/** A comment on a line of a file of the session's review (`/review/<id>/source?side=&file=#L<line>`). */
export interface LineCommentView extends CommentView {
  side: 'model' | 'reference';
  file: string;
  line: number;
}

/** A finding a reviewer added; it is judged and commented under `key === id`. */
export interface ManualFindingView extends ManualFindingInput {
  createdBy: UserRef;
  createdAt: string;
}

/** A reviewer's sign-off. */
export interface SignoffView {
  userId: string;
  userLabel: string;
  createdAt: string;
}

/** A user with a live connection to the session. */
export interface PresenceView {
  userId: string;
  userLabel: string;
}

/** Everything a session page shows, as plain JSON. */
export interface SessionView {
  session: SessionInfo;
  stale: SessionStaleness;
  findings: KeyedFinding[];
  verdicts: Record<string, VerdictView[]>;
  comments: Record<string, CommentView[]>;
  /** Comments on lines of the review's files, oldest first. */
  lineComments: LineCommentView[];
  manualFindings: ManualFindingView[];
  signoffs: SignoffView[];
  progress: SessionProgress;
  presence: PresenceView[];
  me: UserRef & { role: Role; canEdit: boolean };
}

/** Kinds of live session events (the SSE `event:` name). */
export type SessionEventType = 'verdict' | 'comment' | 'line-comment' | 'manual-finding' | 'signoff' | 'closed' | 'presence';

/** A live event on channel `session:<id>`; `data` is the changed row as SessionView shows it. */
export interface SessionEvent<T = unknown> {
  type: SessionEventType;
  sessionId: string;
  key?: string;
  data: T;
  at: string;
  eventId: string;
}
