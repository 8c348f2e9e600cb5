import { ROLES, type Role } from './roles';

/**
 * What a personal API token may do, each including the ones before it: `read` only reads (every write refused),
 * `review` adds sessions, verdicts, comments and new reviews, `deploy` adds deploys, `admin` everything its owner may.
 */
export const TOKEN_SCOPES = ['read', 'review', 'deploy', 'admin'] as const;

/** One token scope. */
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** The scope of a new token when none is asked for: the least one. */
export const DEFAULT_TOKEN_SCOPE: TokenScope = 'read';

/** Tokens made before scopes existed carry none and keep what they could do: everything their owner may. */
const UNSCOPED: TokenScope = 'admin';

const SCOPE_ROLE: Record<TokenScope, Role> = { read: 'viewer', review: 'reviewer', deploy: 'deployer', admin: 'admin' };

/** The key under which a token's scope is stored in better-auth's `permissions` column. */
const PERMISSION_KEY = 'scope';

/** The role a token acts with: the lesser of its owner's role and its scope. */
export function roleWithin(ownerRole: Role, scope: TokenScope): Role {
  return ROLES[Math.min(ROLES.indexOf(ownerRole), ROLES.indexOf(SCOPE_ROLE[scope]))];
}

/** True when a caller acting with `role` may hand out `scope` (a token never grants more than its maker holds). */
export function mayGrantScope(role: Role, scope: TokenScope): boolean {
  return ROLES.indexOf(SCOPE_ROLE[scope]) <= ROLES.indexOf(role);
}

/** The scopes a caller acting with `role` may give a new token, least first. */
export function grantableScopes(role: Role): TokenScope[] {
  return TOKEN_SCOPES.filter((scope) => mayGrantScope(role, scope));
}

/** better-auth `permissions` recording `scope`. */
export function scopePermissions(scope: TokenScope): Record<string, string[]> {
  return { [PERMISSION_KEY]: [scope] };
}

/**
 * The scope recorded in a token's `permissions` (parsed or as stored JSON text): tokens from before scopes (no
 * permissions) get `admin`, permissions naming no known scope the least one.
 */
export function scopeOfPermissions(permissions: unknown): TokenScope {
  if (permissions === null || permissions === undefined) return UNSCOPED;
  const parsed = typeof permissions === 'string' ? safeParse(permissions) : permissions;
  const recorded = (parsed as Record<string, unknown> | null)?.[PERMISSION_KEY];
  const scope = Array.isArray(recorded) ? recorded[0] : undefined;
  return (TOKEN_SCOPES as readonly unknown[]).includes(scope) ? (scope as TokenScope) : DEFAULT_TOKEN_SCOPE;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
