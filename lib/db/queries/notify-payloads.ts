import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { getDb } from '../connection';
import type { Database } from '../schema';

/** Stores a notification body too large for NOTIFY and returns its id; rows older than `retentionMs` are swept first. */
export async function insertNotifyPayload(
  { channel, body, retentionMs }: { channel: string; body: string; retentionMs: number },
  db: Kysely<Database> = getDb().db,
): Promise<string> {
  const now = Date.now();
  const id = crypto.randomUUID();
  await db
    .deleteFrom('notify_payloads')
    .where('created_at', '<', new Date(now - retentionMs).toISOString())
    .execute();
  await db
    .insertInto('notify_payloads')
    .values({ id, channel, body, created_at: new Date(now).toISOString() })
    .execute();
  return id;
}

/** The stored body of a large notification; throws when it is gone. */
export async function getNotifyPayloadBodyById({ id }: { id: string }, db: Kysely<Database> = getDb().db): Promise<string> {
  const row = await db.selectFrom('notify_payloads').select('body').where('id', '=', id).executeTakeFirstOrThrow();
  return row.body;
}
