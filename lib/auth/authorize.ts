import type { UserActor } from '../db/queries/shared';
import { AppError } from '../errors';
import type { Auth } from './auth';
import { hasRole, isRole, type Role } from './roles';
import { roleWithin, type TokenScope } from './token-scopes';
import { isSameOrigin } from './same-origin';
import { verifyToken } from './tokens';

/** A signed-in user and how the request proved it. */
export interface AuthedUser {
  id: string;
  email: string;
  name: string;
  /** The role the request acts with: a token's is capped by its scope. */
  role: Role;
  via: 'session' | 'token';
  /** The bearer token's scope (requests with a session cookie have none). */
  scope?: TokenScope;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The user behind `Authorization: Bearer <token>` or else the session cookie; null when neither is valid. */
export async function authenticate(auth: Auth, headers: Headers): Promise<AuthedUser | null> {
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    // A bearer header decides alone: a bad token is not rescued by a cookie.
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const user = match ? await verifyToken(auth, match[1]) : null;
    return (
      user && { id: user.id, email: user.email, name: user.name, role: roleWithin(user.role, user.scope), via: 'token', scope: user.scope }
    );
  }
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { id, email, name } = session.user;
  const role = (session.user as { role?: unknown }).role;
  return { id, email, name, role: isRole(role) ? role : 'viewer', via: 'session' };
}

/**
 * Authenticates and authorizes one API request: 401 when anonymous, 403 when a cookie-authenticated state-changing
 * request comes from another origin (CSRF; bearer requests are exempt, browsers never add that header on their own),
 * 403 when a read-only token asks for a change, 403 when the role (a token's capped by its scope) is below `minRole`.
 */
export async function authorizeRequest(auth: Auth, req: Request, minRole: Role, appOrigin?: string): Promise<AuthedUser> {
  const user = await authenticate(auth, req.headers);
  if (!user) throw new AppError('unauthorized:auth', 'Sign in or send Authorization: Bearer <token>');
  const changes = !SAFE_METHODS.has(req.method.toUpperCase());
  if (user.via === 'session' && changes && !isSameOrigin(req, appOrigin)) {
    throw new AppError('forbidden:auth', 'Cross-origin request refused');
  }
  if (changes) assertMayChange(user);
  if (!hasRole(user, minRole)) throw new AppError('forbidden:auth', scopedMessage(user, minRole));
  return user;
}

/** Throws 403 when `user` acts through a read-only token: such a token never changes anything, whatever the route. */
export function assertMayChange(user: AuthedUser): void {
  if (user.scope === 'read') throw new AppError('forbidden:auth', 'This token is read-only (scope read)');
}

/** Why `user` is refused a route needing `minRole`: a token's scope, when that is what falls short, is named. */
export function scopedMessage(user: AuthedUser, minRole: Role): string {
  return user.scope
    ? `This needs the ${minRole} role; this token acts as ${user.role} (scope ${user.scope})`
    : `This needs the ${minRole} role`;
}

/** The audit-log actor for a signed-in user: their id, labelled with their email. */
export function actorOf(user: Pick<AuthedUser, 'id' | 'email'>): UserActor {
  return { id: user.id, label: user.email };
}
