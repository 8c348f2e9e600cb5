import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DbHandle } from '../db/connection';

/** Values authentication keeps in its own table (not in the admin-visible settings): the generated secret, the setup claim. */
interface AuthStateTable {
  key: string;
  value: string;
  created_at: string;
}

type AuthStateDatabase = Database & { auth_state: AuthStateTable };

/** The key under which the generated better-auth secret is kept when `BETTER_AUTH_SECRET` is unset. */
const SECRET_KEY = 'better_auth_secret';

function stateDb(handle: DbHandle): Kysely<AuthStateDatabase> {
  return handle.db.withTables<{ auth_state: AuthStateTable }>();
}

/** Creates the `auth_state` table when missing (run by the migration hook). */
export async function createAuthStateTable(handle: DbHandle): Promise<void> {
  await stateDb(handle)
    .schema.createTable('auth_state')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

/** Stores `value` under `key` unless one is already there; true when this call stored it (atomic on both dialects). */
export async function claimAuthState(handle: DbHandle, key: string, value: string): Promise<boolean> {
  const result = await stateDb(handle)
    .insertInto('auth_state')
    .values({ key, value, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The value stored under `key`, if any. */
export async function readAuthState(handle: DbHandle, key: string): Promise<string | undefined> {
  const row = await stateDb(handle).selectFrom('auth_state').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Removes `key` (e.g. a setup claim whose user could not be created). */
export async function releaseAuthState(handle: DbHandle, key: string): Promise<void> {
  await stateDb(handle).deleteFrom('auth_state').where('key', '=', key).execute();
}

/**
 * The secret that signs cookies: `configured` (BETTER_AUTH_SECRET) when set, else one generated on first start and
 * kept in the database, so restarts and every instance sharing the database agree. Never a built-in default.
 */
export async function resolveAuthSecret(handle: DbHandle, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await claimAuthState(handle, SECRET_KEY, randomBytes(32).toString('base64url'));
  const secret = await readAuthState(handle, SECRET_KEY);
  if (!secret) throw new Error('the generated authentication secret could not be stored');
  return secret;
}
