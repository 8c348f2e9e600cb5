import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '@/lib/errors';
import { dialectOf, getDb } from '../connection';
import type { AuditSession, Database } from '../schema';
import { appendAuditLog } from './audit-log';
import { getSetting } from './settings';
import { inTransaction, nowIso, type UserActor } from './shared';

/** The setting that holds how many sign-offs close a session when none is given at creation. */
export const REQUIRED_SIGNOFFS_SETTING = 'audit.requiredSignoffs';

/** What a new session pins: the review and the hashes of the exact templates under audit. */
export interface NewSession {
  reviewId: string;
  name: string;
  referenceHash: string;
  modelHash: string;
  requiredSignoffs?: number;
  actor: UserActor;
}

/** Opens a session; required sign-offs default to the setting, else 1. */
export async function createSession(input: NewSession, db: Kysely<Database> = getDb().db): Promise<AuditSession> {
  return inTransaction(db, async (trx) => {
    const required = input.requiredSignoffs ?? (await requiredSignoffsSetting(trx));
    if (!Number.isInteger(required) || required < 1) throw new AppError('bad_request:input', 'requiredSignoffs must be a positive integer');
    const session: AuditSession = {
      id: crypto.randomUUID(),
      review_id: input.reviewId,
      name: input.name,
      reference_hash: input.referenceHash,
      model_hash: input.modelHash,
      status: 'open',
      required_signoffs: required,
      created_by: input.actor.id,
      created_at: nowIso(),
      closed_at: null,
    };
    await trx.insertInto('audit_sessions').values(session).execute();
    await appendAuditLog(
      {
        actor: input.actor,
        action: 'session.create',
        entityType: 'session',
        entityId: session.id,
        before: null,
        after: session,
      },
      trx,
    );
    return session;
  });
}

/** The session, or undefined when no session has that id. */
export function getSessionById({ id }: { id: string }, db: Kysely<Database> = getDb().db): Promise<AuditSession | undefined> {
  return db.selectFrom('audit_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A review's sessions, newest first. */
export function listSessionsByReview({ reviewId }: { reviewId: string }, db: Kysely<Database> = getDb().db): Promise<AuditSession[]> {
  return db.selectFrom('audit_sessions').selectAll().where('review_id', '=', reviewId).orderBy('created_at', 'desc').execute();
}

/** Closes an open session (it becomes read-only); closing a closed session is a conflict. */
export async function closeSession(
  { id, actor }: { id: string; actor: UserActor },
  db: Kysely<Database> = getDb().db,
): Promise<AuditSession> {
  return inTransaction(db, async (trx) => {
    const before = await lockOpenSession({ id, mode: 'update' }, trx);
    const after: AuditSession = { ...before, status: 'closed', closed_at: nowIso() };
    await trx.updateTable('audit_sessions').set({ status: after.status, closed_at: after.closed_at }).where('id', '=', id).execute();
    await appendAuditLog({ actor, action: 'session.close', entityType: 'session', entityId: id, before, after }, trx);
    return after;
  });
}

/**
 * The session, which must exist (`not_found:session`) and be open (`conflict:closed`); on PostgreSQL its row stays
 * locked until the transaction ends ('share' for edits inside it, 'update' for sign-off and close), so nothing is
 * written into a session being closed. Every write into a session takes this lock once.
 */
export async function lockOpenSession(
  { id, mode }: { id: string; mode: 'share' | 'update' },
  trx: Kysely<Database> = getDb().db,
): Promise<AuditSession> {
  let query = trx.selectFrom('audit_sessions').selectAll().where('id', '=', id);
  if (dialectOf(trx) === 'postgres') query = mode === 'update' ? query.forUpdate() : query.forShare();
  const session = await query.executeTakeFirst();
  if (!session) throw sessionNotFound(id);
  if (session.status !== 'open')
    throw new AppError('conflict:closed', 'The audit session is closed and read-only', { details: { sessionId: id } });
  return session;
}

/** The error for a session id that names no session. */
export function sessionNotFound(sessionId: string): AppError {
  return new AppError('not_found:session', 'Unknown audit session', { details: { sessionId } });
}

/** Whether a closed (signed-off) session of the review pinned this reference template hash. */
export async function hasClosedSessionOnReference(
  { reviewId, referenceHash }: { reviewId: string; referenceHash: string },
  db: Kysely<Database> = getDb().db,
): Promise<boolean> {
  const row = await db
    .selectFrom('audit_sessions')
    .select('id')
    .where('review_id', '=', reviewId)
    .where('reference_hash', '=', referenceHash)
    .where('status', '=', 'closed')
    .executeTakeFirst();
  return row !== undefined;
}

async function requiredSignoffsSetting(db: Kysely<Database>): Promise<number> {
  const value = await getSetting({ key: REQUIRED_SIGNOFFS_SETTING }, db);
  return typeof value === 'number' ? value : 1;
}
