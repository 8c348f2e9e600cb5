import type { AuthedUser } from '../auth/authorize';
import { hasRole } from '../auth/roles';
import { listCommentsBySession } from '../db/queries/comments';
import { listLineCommentsBySession } from '../db/queries/line-comments';
import { listManualFindingsBySession } from '../db/queries/manual-findings';
import { listSignoffsBySession } from '../db/queries/signoffs';
import { listVerdictsBySession } from '../db/queries/verdicts';
import type { AuditSession } from '../db/schema';
import { resolveDeps, type AuditSessionDeps } from './context';
import { listSessionPresence } from './presence';
import { requireSession, toSessionInfo } from './sessions';
import { sessionProgress } from './progress';
import { getSnapshotBySession } from './snapshot';
import type { SessionStaleness, SessionView } from './types';
import { displayName, getUserLabels } from '../db/queries/users';
import { userRef } from './users';
import { groupByKey, toCommentView, toLineCommentView, toManualFindingView, toSignoffView, toVerdictView } from './views';

/** Everything a session page shows, from the pinned snapshot and the database; `not_found:session` for unknown ids. */
export async function getSessionView(
  { sessionId, user }: { sessionId: string; user: AuthedUser },
  deps?: AuditSessionDeps,
): Promise<SessionView> {
  const { handle, loadReview, stalenessTimeoutMs } = resolveDeps(deps);
  const { db } = handle;
  const session = await requireSession({ sessionId }, db);
  const [snapshot, verdicts, comments, lineComments, manual, signoffs, presence, stale] = await Promise.all([
    getSnapshotBySession({ sessionId }, db),
    listVerdictsBySession({ sessionId }, db),
    listCommentsBySession({ sessionId }, db),
    listLineCommentsBySession({ sessionId }, db),
    listManualFindingsBySession({ sessionId }, db),
    listSignoffsBySession({ sessionId }, db),
    listSessionPresence({ sessionId }, db),
    stalenessOf(session, loadReview, stalenessTimeoutMs),
  ]);
  const userIds = [
    session.created_by,
    ...verdicts.map((v) => v.user_id),
    ...comments.map((c) => c.user_id),
    ...lineComments.map((c) => c.user_id),
    ...manual.map((m) => m.createdBy),
    ...signoffs.map((s) => s.user_id),
  ];
  const labels = await getUserLabels({ ids: userIds }, db);
  return {
    session: toSessionInfo(session, userRef(labels, session.created_by)),
    stale,
    findings: snapshot.findings,
    verdicts: groupByKey(
      verdicts,
      (v) => v.finding_key,
      (v) => toVerdictView(v, labels),
    ),
    comments: groupByKey(
      comments,
      (c) => c.finding_key,
      (c) => toCommentView(c, labels),
    ),
    lineComments: lineComments.map((c) => toLineCommentView(c, labels)),
    manualFindings: manual.map((m) => toManualFindingView(m, labels)),
    signoffs: signoffs.map((s) => toSignoffView(s, labels)),
    progress: sessionProgress({
      findings: snapshot.findings,
      manualIds: manual.map((m) => m.id),
      judgedKeys: verdicts.map((v) => v.finding_key),
    }),
    presence,
    me: { id: user.id, label: displayName(user), role: user.role, canEdit: session.status === 'open' && hasRole(user, 'reviewer') },
  };
}

/**
 * Whether the current review's artifacts differ from the pinned hashes. A review that cannot be produced (or an
 * artifact that fails now) must not break the session page: that side counts as unchanged, `known` is false, and
 * `message` says why.
 */
export async function stalenessOf(
  session: AuditSession,
  loadReview: NonNullable<AuditSessionDeps['loadReview']>,
  timeoutMs: number,
): Promise<SessionStaleness> {
  let timer: NodeJS.Timeout | undefined;
  // The review keeps computing (and caching) after a timeout; only this page stops waiting for it.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('still synthesizing, try again shortly')), timeoutMs);
  });
  try {
    const review = await Promise.race([loadReview({ id: session.review_id }), timeout]);
    const failed = [review.reference, review.model].filter((a) => a.status === 'failed');
    return {
      referenceChanged: review.reference.status === 'ok' && review.reference.hash !== session.reference_hash,
      modelChanged: review.model.status === 'ok' && review.model.hash !== session.model_hash,
      known: failed.length === 0,
      ...(failed.length > 0
        ? { message: `The current ${failed.map((a) => a.label).join(' and ')} could not be produced; compared what could be.` }
        : {}),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      referenceChanged: false,
      modelChanged: false,
      known: false,
      message: `The current review could not be produced (${reason}); staleness is unknown.`,
    };
  } finally {
    clearTimeout(timer);
  }
}
