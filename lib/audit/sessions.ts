import type { Kysely } from 'kysely';
import { dialectOf } from '../db/connection';
import type { AuditSession, Database } from '../db/schema';
import { AppError } from '../errors';
import type { SessionInfo, UserRef } from './types';

/** The session, or `not_found:session`. */
export async function requireSession({ sessionId }: { sessionId: string }, db: Kysely<Database>): Promise<AuditSession> {
  const session = await db.selectFrom('audit_sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
  if (!session) throw new AppError('not_found:session', 'No audit session with this id', { details: { sessionId } });
  return session;
}

/**
 * The session, which must exist (`not_found:session`) and be open (`conflict:closed`), locked on PostgreSQL until
 * `trx` ends ('share' for edits, 'update' for sign-off), so nothing is written into a session being closed.
 */
export async function requireOpenSession(trx: Kysely<Database>, sessionId: string, mode: 'share' | 'update'): Promise<AuditSession> {
  let query = trx.selectFrom('audit_sessions').selectAll().where('id', '=', sessionId);
  if (dialectOf(trx) === 'postgres') query = mode === 'update' ? query.forUpdate() : query.forShare();
  const session = await query.executeTakeFirst();
  if (!session) throw new AppError('not_found:session', 'No audit session with this id', { details: { sessionId } });
  if (session.status !== 'open')
    throw new AppError('conflict:closed', 'The audit session is closed and read-only', { details: { sessionId } });
  return session;
}

/** A stored session as the API shows it. */
export function toSessionInfo(session: AuditSession, createdBy: UserRef): SessionInfo {
  return {
    id: session.id,
    reviewId: session.review_id,
    name: session.name,
    status: session.status,
    requiredSignoffs: Number(session.required_signoffs),
    createdBy,
    createdAt: session.created_at,
    closedAt: session.closed_at,
    referenceHash: session.reference_hash,
    modelHash: session.model_hash,
  };
}
