import type { AuthedUser } from '../auth/authorize';
import { withTransaction } from '../db/connection';
import { addComment } from '../db/queries/comments';
import { addManualFinding } from '../db/queries/manual-findings';
import { addSignoff } from '../db/queries/signoffs';
import { upsertVerdict } from '../db/queries/verdicts';
import { actorOf } from '../auth/authorize';
import { assertReviewer, resolveDeps, type AuditSessionDeps } from './context';
import { publishSessionEvents, sessionEvent } from './events';
import { commentBody, manualFindingBody, signoffBody, verdictBody } from './schemas';
import { displayName, getUserLabels } from '../db/queries/users';
import { toSessionInfo } from './sessions';
import { requireFindingKey } from './snapshot';
import type { CommentView, ManualFindingView, SessionEvent, SessionInfo, SignoffView, VerdictView } from './types';
import { userRef } from './users';
import { toCommentView, toManualFindingView, toSignoffView, toVerdictView } from './views';

// Each mutation: validate the body, then one transaction that checks the finding key (404; keys are never removed, so
// checking before the lock is safe), writes through lib/db/queries, whose write locks the session once (404 unknown,
// 409 closed) and appends the audit log in the same transaction, and publishes the live event in it, so that it is
// delivered only if everything commits.

/** Who is changing what: the session, the signed-in user and the raw request body. */
export interface MutationInput {
  sessionId: string;
  user: AuthedUser;
  input: unknown;
}

/** Records (or replaces) the user's verdict on a finding; an identical verdict writes and publishes nothing. */
export async function setVerdict(
  { sessionId, key, user, input }: MutationInput & { key: string },
  deps?: AuditSessionDeps,
): Promise<VerdictView> {
  assertReviewer(user);
  const body = verdictBody.parse(input);
  const labels = selfLabels(user);
  return withTransaction(async (trx) => {
    await requireFindingKey({ sessionId, key }, trx);
    const { verdict, changed } = await upsertVerdict({ sessionId, findingKey: key, ...body, actor: actorOf(user) }, trx);
    const view = toVerdictView(verdict, labels);
    if (changed) await publishSessionEvents([sessionEvent('verdict', sessionId, view, key)], trx);
    return view;
  }, resolveDeps(deps).handle);
}

/** Adds a markdown comment to a finding, stored verbatim (clients render it inert). */
export async function addSessionComment(
  { sessionId, key, user, input }: MutationInput & { key: string },
  deps?: AuditSessionDeps,
): Promise<CommentView> {
  assertReviewer(user);
  const body = commentBody.parse(input);
  return withTransaction(async (trx) => {
    await requireFindingKey({ sessionId, key }, trx);
    const comment = toCommentView(
      await addComment({ sessionId, findingKey: key, body: body.body, actor: actorOf(user) }, trx),
      selfLabels(user),
    );
    await publishSessionEvents([sessionEvent('comment', sessionId, comment, key)], trx);
    return comment;
  }, resolveDeps(deps).handle);
}

/** Adds a finding the rules missed; it is judged and commented under its id as key. */
export async function addSessionManualFinding(
  { sessionId, user, input }: MutationInput,
  deps?: AuditSessionDeps,
): Promise<ManualFindingView> {
  assertReviewer(user);
  const body = manualFindingBody.parse(input);
  return withTransaction(async (trx) => {
    const finding = toManualFindingView(await addManualFinding({ sessionId, ...body, actor: actorOf(user) }, trx), selfLabels(user));
    await publishSessionEvents([sessionEvent('manual-finding', sessionId, finding, finding.id)], trx);
    return finding;
  }, resolveDeps(deps).handle);
}

/** Signs the session off for the user; the sign-off that reaches the required count closes it (and publishes `closed`). */
export async function signOffSession(
  { sessionId, user, input }: MutationInput,
  deps?: AuditSessionDeps,
): Promise<{ signoff: SignoffView; signoffs: number; session: SessionInfo }> {
  assertReviewer(user);
  signoffBody.parse(input);
  return withTransaction(async (trx) => {
    const result = await addSignoff({ sessionId, actor: actorOf(user) }, trx);
    const labels = await getUserLabels({ ids: [user.id, result.session.created_by] }, trx);
    const signoff = toSignoffView(result.signoff, labels);
    const session = toSessionInfo(result.session, userRef(labels, result.session.created_by));
    const events: SessionEvent[] = [sessionEvent('signoff', sessionId, { ...signoff, signoffs: result.signoffs })];
    if (session.status === 'closed') events.push(sessionEvent('closed', sessionId, { status: session.status, closedAt: session.closedAt }));
    await publishSessionEvents(events, trx);
    return { signoff, signoffs: result.signoffs, session };
  }, resolveDeps(deps).handle);
}

/** The acting user's own label, without a lookup. */
export function selfLabels(user: AuthedUser): Map<string, string> {
  return new Map([[user.id, displayName(user)]]);
}
