import type { Kysely } from 'kysely';
import { getDb } from '../connection';
import type { Database } from '../schema';

/** Values authentication keeps in its own table (not in the admin-visible settings): the generated secret, the setup claim. */
interface AuthStateTable {
  key: string;
  value: string;
  created_at: string;
}

function stateDb(db: Kysely<Database>): Kysely<Database & { auth_state: AuthStateTable }> {
  return db.withTables<{ auth_state: AuthStateTable }>();
}

/** Creates the `auth_state` table when missing (run by auth's migration hook). */
export async function createAuthStateTable(db: Kysely<Database> = getDb().db): Promise<void> {
  await stateDb(db)
    .schema.createTable('auth_state')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

/** Stores `value` under `key` unless one is already there; true when this call stored it (atomic on both dialects). */
export async function claimAuthState({ key, value }: { key: string; value: string }, db: Kysely<Database> = getDb().db): Promise<boolean> {
  const result = await stateDb(db)
    .insertInto('auth_state')
    .values({ key, value, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The value stored under `key`, if any. */
export async function getAuthStateByKey({ key }: { key: string }, db: Kysely<Database> = getDb().db): Promise<string | undefined> {
  const row = await stateDb(db).selectFrom('auth_state').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Removes `key` (e.g. a setup claim whose user could not be created). */
export async function releaseAuthState({ key }: { key: string }, db: Kysely<Database> = getDb().db): Promise<void> {
  await stateDb(db).deleteFrom('auth_state').where('key', '=', key).execute();
}
