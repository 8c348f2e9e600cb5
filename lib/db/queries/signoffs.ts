import type { Kysely } from 'kysely';
import { AppError } from '@/lib/errors';
import { getDb } from '../connection';
import type { AuditSession, Database, Signoff } from '../schema';
import { appendAuditLog } from './audit-log';
import { lockOpenSession } from './sessions';
import { inTransaction, nowIso, type UserActor } from './shared';

/**
 * Records the actor's sign-off (once per user) and closes the session in the same transaction when the required
 * number is reached; the session row lock on PostgreSQL keeps two last sign-offs from both missing the count.
 */
export async function addSignoff(
  { sessionId, actor }: { sessionId: string; actor: UserActor },
  db: Kysely<Database> = getDb().db,
): Promise<{ signoff: Signoff; signoffs: number; session: AuditSession }> {
  return inTransaction(db, async (trx) => {
    const session = await lockOpenSession({ id: sessionId, mode: 'update' }, trx);
    const existing = await trx
      .selectFrom('signoffs')
      .select('user_id')
      .where('session_id', '=', sessionId)
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    if (existing) throw new AppError('conflict:state', 'You already signed off this session');

    const signoff: Signoff = { session_id: sessionId, user_id: actor.id, created_at: nowIso() };
    await trx.insertInto('signoffs').values(signoff).execute();
    await appendAuditLog(
      {
        actor,
        action: 'signoff.add',
        entityType: 'signoff',
        entityId: `${sessionId}/${actor.id}`,
        before: null,
        after: signoff,
      },
      trx,
    );

    const signoffs = await countSignoffs({ sessionId }, trx);
    if (signoffs < session.required_signoffs) return { signoff, signoffs, session };
    const closed: AuditSession = { ...session, status: 'closed', closed_at: signoff.created_at };
    await trx.updateTable('audit_sessions').set({ status: 'closed', closed_at: closed.closed_at }).where('id', '=', sessionId).execute();
    await appendAuditLog(
      { actor, action: 'session.close', entityType: 'session', entityId: sessionId, before: session, after: closed },
      trx,
    );
    return { signoff, signoffs, session: closed };
  });
}

/** How many users have signed off the session. */
export async function countSignoffs({ sessionId }: { sessionId: string }, db: Kysely<Database> = getDb().db): Promise<number> {
  const row = await db
    .selectFrom('signoffs')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The session's sign-offs, oldest first. */
export function listSignoffsBySession({ sessionId }: { sessionId: string }, db: Kysely<Database> = getDb().db): Promise<Signoff[]> {
  return db.selectFrom('signoffs').selectAll().where('session_id', '=', sessionId).orderBy('created_at').orderBy('user_id').execute();
}

/** How many users signed off each of the given sessions (sessions without a sign-off are absent). */
export async function countSignoffsBySessions(
  { sessionIds }: { sessionIds: readonly string[] },
  db: Kysely<Database> = getDb().db,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('signoffs')
    .select((eb) => ['session_id', eb.fn.countAll<string | number>().as('count')])
    .where('session_id', 'in', sessionIds)
    .groupBy('session_id')
    .execute();
  return new Map(rows.map((row) => [row.session_id, Number(row.count)]));
}
