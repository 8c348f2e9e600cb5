import type { Kysely } from 'kysely';
import { getDb } from '../connection';
import type { Database, JsonText } from '../schema';

/** Stores the pinned review of a session as JSON (inside the transaction that creates the session). */
export async function insertSnapshotJson(
  { sessionId, reviewJson }: { sessionId: string; reviewJson: JsonText },
  db: Kysely<Database> = getDb().db,
): Promise<void> {
  await db.insertInto('session_snapshots').values({ session_id: sessionId, review_json: reviewJson }).execute();
}

/** The pinned review of a session as stored JSON, or undefined when the session has none. */
export async function getSnapshotJsonBySession(
  { sessionId }: { sessionId: string },
  db: Kysely<Database> = getDb().db,
): Promise<JsonText | undefined> {
  const row = await db.selectFrom('session_snapshots').select('review_json').where('session_id', '=', sessionId).executeTakeFirst();
  return row?.review_json;
}
