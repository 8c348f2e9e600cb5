import { getMigrations } from 'better-auth/db/migration';
import type { DbHandle } from '../db/connection';
import { registerMigrationHook } from '../db/migrate';
import { authConfigFromEnv } from './config';
import { authOptions } from './options';
import { createAuthStateTable } from '../db/queries/auth-state';
import { createSignInFailuresTable } from '../db/queries/sign-in-failures';
import { resolveAuthSecret } from './state';

/** Creates or updates authentication's tables: `auth_state`, `sign_in_failures`, then better-auth's own (user, session, account, apikey, rateLimit, …). */
export async function migrateAuth(handle: DbHandle): Promise<void> {
  await createAuthStateTable(handle.db);
  await createSignInFailuresTable(handle.db);
  const config = authConfigFromEnv();
  const secret = await resolveAuthSecret(handle, config.secret);
  const { runMigrations } = await getMigrations(authOptions(handle, { secret, config }));
  await runMigrations();
}

// Importing this module (lib/auth/auth.ts does) makes every migrateToLatest create the auth tables.
registerMigrationHook(migrateAuth);
