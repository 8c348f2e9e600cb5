import { randomBytes } from 'node:crypto';
import type { DbHandle } from '../db/connection';
import { claimAuthState, getAuthStateByKey } from '../db/queries/auth-state';

/** The key under which the generated better-auth secret is kept when `BETTER_AUTH_SECRET` is unset. */
const SECRET_KEY = 'better_auth_secret';

/**
 * The secret that signs cookies: `configured` (BETTER_AUTH_SECRET) when set, else one generated on first start and
 * kept in the database, so restarts and every instance sharing the database agree. Never a built-in default.
 */
export async function resolveAuthSecret(handle: DbHandle, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await claimAuthState({ key: SECRET_KEY, value: randomBytes(32).toString('base64url') }, handle.db);
  const secret = await getAuthStateByKey({ key: SECRET_KEY }, handle.db);
  if (!secret) throw new Error('the generated authentication secret could not be stored');
  return secret;
}
