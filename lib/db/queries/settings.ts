import type { Kysely } from 'kysely';
import { getDb } from '../connection';
import type { Database } from '../schema';
import { appendAuditLog } from './audit-log';
import { inTransaction, nowIso, type Actor } from './shared';

/** The setting's JSON value, or undefined when it was never set. */
export async function getSetting({ key }: { key: string }, db: Kysely<Database> = getDb().db): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row === undefined ? undefined : JSON.parse(row.value);
}

/** Stores a JSON value under `key` and records the change in the audit log. */
export async function setSetting(
  { key, value, actor }: { key: string; value: unknown; actor: Actor },
  db: Kysely<Database> = getDb().db,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await getSetting({ key }, trx);
    const row = { key, value: JSON.stringify(value), updated_at: nowIso(), updated_by: actor.id };
    await trx
      .insertInto('settings')
      .values(row)
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at, updated_by: row.updated_by }),
      )
      .execute();
    await appendAuditLog({ actor, action: 'setting.set', entityType: 'setting', entityId: key, before: before ?? null, after: value }, trx);
  });
}
