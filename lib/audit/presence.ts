import type { Kysely } from 'kysely';
import { listPresenceBySession, prunePresence } from '../db/queries/presence';
import type { Database } from '../db/schema';
import type { PresenceView } from './types';
import { getUserLabels } from '../db/queries/users';

/** A connection counts as present while its last heartbeat is this recent. */
export const PRESENCE_WINDOW_MS = 30_000;

/** Heartbeats older than this belong to connections that will not come back; they are deleted opportunistically. */
const PRUNE_AFTER_MS = 5 * 60_000;

/** Users with a live connection to the session (any instance), by label. */
export async function listSessionPresence({ sessionId }: { sessionId: string }, db: Kysely<Database>): Promise<PresenceView[]> {
  const since = new Date(Date.now() - PRESENCE_WINDOW_MS).toISOString();
  const present = await listPresenceBySession({ sessionId, since }, db);
  const labels = await getUserLabels({ ids: present.map((p) => p.userId) }, db);
  return present
    .map((p) => ({ userId: p.userId, userLabel: labels.get(p.userId) ?? p.userId }))
    .sort((a, b) => a.userLabel.localeCompare(b.userLabel));
}

/** Deletes long-dead heartbeats (instances that died without removing theirs); failures are only logged. */
export async function pruneStalePresence(db: Kysely<Database>): Promise<void> {
  await prunePresence({ before: new Date(Date.now() - PRUNE_AFTER_MS).toISOString() }, db).catch((error: unknown) => {
    console.error('presence prune failed', error);
  });
}
