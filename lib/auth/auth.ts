import { betterAuth } from 'better-auth';
import { getDb, type DbHandle } from '../db/connection';
import { ensureMigrated } from '../db/migrate';
import { authConfigFromEnv, type AuthConfig } from './config';
import './migrations';
import { authOptions } from './options';
import { resolveAuthSecret } from './state';

/** Builds one better-auth instance on `handle` with an already resolved secret. */
export function createAuth(handle: DbHandle, { secret, config = authConfigFromEnv() }: { secret: string; config?: AuthConfig }) {
  return betterAuth(authOptions(handle, { secret, config }));
}

/** A better-auth instance of this app (`auth.api.*`, `auth.handler`). */
export type Auth = ReturnType<typeof createAuth>;

/** A better-auth instance on a migrated `handle`, its secret from `BETTER_AUTH_SECRET` or the one persisted in the database. */
export async function openAuth(handle: DbHandle, config: AuthConfig = authConfigFromEnv()): Promise<Auth> {
  return createAuth(handle, { secret: await resolveAuthSecret(handle, config.secret), config });
}

const singleton = globalThis as typeof globalThis & { __infraReviewAuth?: Promise<Auth> };

/** The process-wide instance on `getDb()`, created once after migrations (kept on globalThis so dev reloads reuse it). */
export function getAuth(): Promise<Auth> {
  singleton.__infraReviewAuth ??= (async () => {
    const handle = getDb();
    await ensureMigrated(handle);
    return openAuth(handle);
  })().catch((error) => {
    singleton.__infraReviewAuth = undefined;
    throw error;
  });
  return singleton.__infraReviewAuth;
}
