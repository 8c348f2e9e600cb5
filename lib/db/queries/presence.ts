import type { Kysely } from 'kysely';
import { getDb } from '../connection';
import type { Database, IsoTimestamp, Presence } from '../schema';
import { nowIso } from './shared';

// Presence is a heartbeat, not an action: it is kept out of the audit log, which would otherwise fill with pings.

/** One user seen in a session, with their most recent heartbeat across connections and instances. */
export interface PresentUser {
  userId: string;
  lastSeen: IsoTimestamp;
}

/** Records a heartbeat for one live connection (insert or refresh). */
export async function touchPresence(
  input: { connectionId: string; sessionId: string; userId: string; instanceId: string },
  db: Kysely<Database> = getDb().db,
): Promise<Presence> {
  const row: Presence = {
    connection_id: input.connectionId,
    session_id: input.sessionId,
    user_id: input.userId,
    instance_id: input.instanceId,
    last_seen: nowIso(),
  };
  await db
    .insertInto('presence')
    .values(row)
    .onConflict((conflict) => conflict.column('connection_id').doUpdateSet({ last_seen: row.last_seen, session_id: row.session_id }))
    .execute();
  return row;
}

/** Users with a heartbeat at or after `since` in the session, by user id. */
export async function listPresenceBySession(
  { sessionId, since }: { sessionId: string; since: IsoTimestamp },
  db: Kysely<Database> = getDb().db,
): Promise<PresentUser[]> {
  const rows = await db
    .selectFrom('presence')
    .select((eb) => ['user_id', eb.fn.max('last_seen').as('last_seen')])
    .where('session_id', '=', sessionId)
    .where('last_seen', '>=', since)
    .groupBy('user_id')
    .orderBy('user_id')
    .execute();
  return rows.map((row) => ({ userId: row.user_id, lastSeen: row.last_seen }));
}

/** Forgets a connection that closed. */
export async function removePresence({ connectionId }: { connectionId: string }, db: Kysely<Database> = getDb().db): Promise<void> {
  await db.deleteFrom('presence').where('connection_id', '=', connectionId).execute();
}

/** Deletes heartbeats older than `before` (connections of instances that died without saying goodbye); returns how many. */
export async function prunePresence({ before }: { before: IsoTimestamp }, db: Kysely<Database> = getDb().db): Promise<number> {
  const result = await db.deleteFrom('presence').where('last_seen', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
