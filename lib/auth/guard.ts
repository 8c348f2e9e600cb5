import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { AppError } from '../errors';
import { getAuth } from './auth';
import { assertMayChange, authenticate, authorizeRequest, scopedMessage, type AuthedUser } from './authorize';
import { authConfigFromEnv } from './config';
import { hasRole, type Role } from './roles';
import { hasUsers } from './first-run';

export type { AuthedUser } from './authorize';

/** For route handlers: the caller (session cookie or bearer token) holding at least `minRole`, else throws 401/403 (CSRF-checked). */
export async function requireUser(req: Request, minRole: Role): Promise<AuthedUser> {
  return authorizeRequest(await getAuth(), req, minRole, authConfigFromEnv().baseURL);
}

/** For server components: the signed-in user of the current request, or null. */
export async function getCurrentUser(): Promise<AuthedUser | null> {
  return authenticate(await getAuth(), await headers());
}

/**
 * For pages: the signed-in user holding `minRole`; redirects anonymous visitors to /sign-in (or /setup on a fresh
 * install) and answers a lower role with the 403 page (app/forbidden.tsx, HTTP 403).
 */
export async function requirePageUser(minRole: Role = 'viewer'): Promise<AuthedUser> {
  const user = await getCurrentUser();
  if (!user) redirect((await hasUsers()) ? '/sign-in' : '/setup');
  if (!hasRole(user, minRole)) forbidden();
  return user;
}

/**
 * For server actions (proxy.ts refuses writes from other origins): the signed-in user holding `minRole`, else throws
 * 401/403; a read-only token is refused, as every action changes something.
 */
export async function requireActionUser(minRole: Role): Promise<AuthedUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized:auth', 'Sign in first');
  assertMayChange(user);
  if (!hasRole(user, minRole)) throw new AppError('forbidden:auth', scopedMessage(user, minRole));
  return user;
}
