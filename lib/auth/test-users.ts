import { randomBytes } from 'node:crypto';
import type { DbHandle } from '../db/connection';
import { openAuth, type Auth } from './auth';
import { ROLES, type Role } from './roles';
import { createToken } from './tokens';
import { createUser, type AppUser } from './users';

/** One signed-in test user: send `cookie` as the Cookie header (with a same-origin Origin on writes) or `token` as a bearer. */
export interface TestUser {
  user: AppUser;
  email: string;
  password: string;
  /** `name=value; …` of the session cookies. */
  cookie: string;
  /** A personal API token for `Authorization: Bearer <token>`, scope `admin` (everything the user's role allows). */
  token: string;
}

/**
 * Creates one user per role (viewer, reviewer, deployer, admin) on a migrated `handle`, each signed in (session cookie)
 * and holding an API token. Emails are unique per call, so a suite may call it more than once.
 */
export async function createTestUsers(handle: DbHandle, auth?: Auth): Promise<Record<Role, TestUser>> {
  const instance = auth ?? (await openAuth(handle));
  const run = randomBytes(4).toString('hex');
  const entries = [];
  for (const role of ROLES) {
    const email = `${role}-${run}@test.invalid`;
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const user = await createUser(instance, { email, name: `Test ${role}`, password, role });
    const cookie = await signInCookie(instance, { email, password });
    const { token } = await createToken(instance, { userId: user.id, name: 'test', scope: 'admin' });
    entries.push([role, { user, email, password, cookie, token }] as const);
  }
  return Object.fromEntries(entries) as Record<Role, TestUser>;
}

/** Signs in through better-auth's server API (no HTTP, so no rate limit) and returns the session cookies as a Cookie header. */
export async function signInCookie(auth: Auth, body: { email: string; password: string }): Promise<string> {
  const { headers } = await auth.api.signInEmail({ body, returnHeaders: true });
  return cookieHeader(headers);
}

/** The `name=value` pairs of a response's Set-Cookie headers, joined as a Cookie request header. */
export function cookieHeader(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((line) => line.split(';', 1)[0])
    .filter((pair) => pair.includes('=') && !pair.endsWith('='))
    .join('; ');
}
