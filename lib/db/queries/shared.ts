import type { Kysely } from 'kysely';
import type { Database, IsoTimestamp } from '../schema';

/** Who performs a write, as recorded in the audit log; `id` is a better-auth user id, null for the system. */
export interface Actor {
  id: string | null;
  label: string;
}

/** A signed-in user acting on a session; session rows need a real user id. */
export interface UserActor extends Actor {
  id: string;
}

/** The current time in the one timestamp format the data layer stores. */
export function nowIso(): IsoTimestamp {
  return new Date().toISOString();
}

/** Runs `fn` inside `db` when it already is a transaction (so the caller's commit decides), else in a new one. */
export function inTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** Parses a JSON text column; null stays null. */
export function parseJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}
