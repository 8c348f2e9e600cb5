import { withTransaction } from '../db/connection';
import { listManualFindingIdsBySessions } from '../db/queries/manual-findings';
import { createSession, listSessionsByReview } from '../db/queries/sessions';
import { countSignoffsBySessions } from '../db/queries/signoffs';
import { displayName, getUserLabels } from '../db/queries/users';
import { listJudgedKeysBySessions } from '../db/queries/verdicts';
import type { AuthedUser } from '../auth/authorize';
import { actorOf } from '../auth/authorize';
import { assertReviewer, resolveDeps, type AuditSessionDeps } from './context';
import { newSessionBody } from './schemas';
import { toSessionInfo } from './sessions';
import { sessionProgress } from './progress';
import { getSnapshotBySession, insertSnapshot, snapshotOfReview } from './snapshot';
import type { SessionInfo, SessionSummary } from './types';
import { userRef } from './users';

/**
 * Runs the review and opens a session on it that pins its findings, artifact states, diff and hashes (one
 * transaction, audited); `unprocessable:synthesis` when an artifact failed, `bad_request:input` for a bad body.
 */
export async function createAuditSession(
  { reviewId, input, user }: { reviewId: string; input: unknown; user: AuthedUser },
  deps?: AuditSessionDeps,
): Promise<SessionInfo> {
  assertReviewer(user);
  const body = newSessionBody.parse(input ?? {});
  const { handle, loadReview } = resolveDeps(deps);
  const { referenceHash, modelHash, ...snapshot } = snapshotOfReview(await loadReview({ id: reviewId }));
  const session = await withTransaction(async (trx) => {
    const created = await createSession(
      { reviewId, name: body.name, referenceHash, modelHash, requiredSignoffs: body.requiredSignoffs, actor: actorOf(user) },
      trx,
    );
    await insertSnapshot({ sessionId: created.id, snapshot }, trx);
    return created;
  }, handle);
  return toSessionInfo(session, { id: user.id, label: displayName(user) });
}

/** A review's sessions, newest first, each with its progress and sign-off count. */
export async function listAuditSessions({ reviewId }: { reviewId: string }, deps?: AuditSessionDeps): Promise<SessionSummary[]> {
  const { db } = resolveDeps(deps).handle;
  const sessions = await listSessionsByReview({ reviewId }, db);
  if (sessions.length === 0) return [];
  const ids = sessions.map((s) => s.id);
  const [verdictKeys, manual, signoffs, labels] = await Promise.all([
    listJudgedKeysBySessions({ sessionIds: ids }, db),
    listManualFindingIdsBySessions({ sessionIds: ids }, db),
    countSignoffsBySessions({ sessionIds: ids }, db),
    getUserLabels({ ids: sessions.map((s) => s.created_by) }, db),
  ]);
  const summaries: SessionSummary[] = [];
  for (const session of sessions) {
    const progress = sessionProgress({
      findings: (await getSnapshotBySession({ sessionId: session.id }, db)).findings,
      manualIds: manual.filter((m) => m.session_id === session.id).map((m) => m.id),
      judgedKeys: verdictKeys.filter((v) => v.session_id === session.id).map((v) => v.finding_key),
    });
    summaries.push({ ...toSessionInfo(session, userRef(labels, session.created_by)), progress, signoffs: signoffs.get(session.id) ?? 0 });
  }
  return summaries;
}
