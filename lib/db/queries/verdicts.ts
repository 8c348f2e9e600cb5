import type { Kysely } from 'kysely';
import { AppError } from '@/lib/errors';
import { getDb } from '../connection';
import { VERDICT_VALUES, type Database, type Verdict, type VerdictValue } from '../schema';
import { appendAuditLog } from './audit-log';
import { lockOpenSession } from './sessions';
import { inTransaction, nowIso, type UserActor } from './shared';

/** Records the actor's verdict on a finding, replacing their previous one; an identical verdict writes nothing. */
export async function upsertVerdict(
  input: { sessionId: string; findingKey: string; verdict: VerdictValue; reason?: string | null; actor: UserActor },
  db: Kysely<Database> = getDb().db,
): Promise<{ verdict: Verdict; changed: boolean }> {
  if (!VERDICT_VALUES.includes(input.verdict)) throw new AppError('bad_request:input', `Unknown verdict ${String(input.verdict)}`);
  return inTransaction(db, async (trx) => {
    await lockOpenSession({ id: input.sessionId, mode: 'share' }, trx);
    const key = { session_id: input.sessionId, finding_key: input.findingKey, user_id: input.actor.id };
    const before = await trx
      .selectFrom('verdicts')
      .selectAll()
      .where('session_id', '=', key.session_id)
      .where('finding_key', '=', key.finding_key)
      .where('user_id', '=', key.user_id)
      .executeTakeFirst();
    const reason = input.reason ?? null;
    if (before && before.verdict === input.verdict && before.reason === reason) return { verdict: before, changed: false };

    const after: Verdict = { ...key, verdict: input.verdict, reason, updated_at: nowIso() };
    await trx
      .insertInto('verdicts')
      .values(after)
      .onConflict((conflict) =>
        conflict
          .columns(['session_id', 'finding_key', 'user_id'])
          .doUpdateSet({ verdict: after.verdict, reason, updated_at: after.updated_at }),
      )
      .execute();
    await appendAuditLog(
      {
        actor: input.actor,
        action: 'verdict.set',
        entityType: 'verdict',
        entityId: `${key.session_id}/${key.finding_key}/${key.user_id}`,
        before: before ?? null,
        after,
      },
      trx,
    );
    return { verdict: after, changed: true };
  });
}

/** Every verdict in a session, oldest change first. */
export function listVerdictsBySession({ sessionId }: { sessionId: string }, db: Kysely<Database> = getDb().db): Promise<Verdict[]> {
  return db
    .selectFrom('verdicts')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('updated_at')
    .orderBy('finding_key')
    .orderBy('user_id')
    .execute();
}

/** Each finding key with at least one verdict, per session, for the given sessions. */
export function listJudgedKeysBySessions(
  { sessionIds }: { sessionIds: readonly string[] },
  db: Kysely<Database> = getDb().db,
): Promise<{ session_id: string; finding_key: string }[]> {
  return db.selectFrom('verdicts').select(['session_id', 'finding_key']).distinct().where('session_id', 'in', sessionIds).execute();
}
