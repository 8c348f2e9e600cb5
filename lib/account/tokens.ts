import { z } from 'zod';
import type { Auth } from '../auth/auth';
import type { Actor } from '../auth/audit-log';
import { actorOf, type AuthedUser } from '../auth/authorize';
import { DEFAULT_TOKEN_SCOPE, mayGrantScope, TOKEN_SCOPES } from '../auth/token-scopes';
import { createToken, listTokens, revokeToken, type TokenInfo } from '../auth/tokens';
import { AppError } from '../errors';

/** What a user gives to create one of their own tokens; `scope` defaults to `read`, the least. */
export const newOwnTokenSchema = z.strictObject({
  name: z.string().trim().min(1).max(32),
  expiresInDays: z.number().int().min(1).max(365).optional(),
  scope: z.enum(TOKEN_SCOPES).default(DEFAULT_TOKEN_SCOPE),
});

/** A listed token as the API and pages show it: never the secret, only its first characters. */
export type OwnToken = Pick<TokenInfo, 'id' | 'name' | 'start' | 'enabled' | 'scope' | 'createdAt' | 'expiresAt' | 'lastUsedAt'>;

/** The user's own tokens, newest first. */
export async function listOwnTokens(auth: Auth, { userId }: { userId: string }): Promise<OwnToken[]> {
  return (await listTokens(auth, { userId })).map(({ id, name, start, enabled, scope, createdAt, expiresAt, lastUsedAt }) => ({
    id,
    name,
    start,
    enabled,
    scope,
    createdAt,
    expiresAt,
    lastUsedAt,
  }));
}

/**
 * Creates a token for the calling user (audited); the returned `token` is the only time the secret is available.
 * 403 when the scope exceeds what the caller acts with (a review token cannot mint a deploy token).
 */
export async function createOwnToken(auth: Auth, input: z.input<typeof newOwnTokenSchema>, caller: AuthedUser) {
  const { name, expiresInDays, scope } = newOwnTokenSchema.parse(input);
  if (!mayGrantScope(caller.role, scope)) {
    const message = `A token's scope cannot exceed your own rights (${caller.role}): choose a lesser scope than ${scope}`;
    throw new AppError('forbidden:auth', message, { details: [{ path: ['scope'], message }] });
  }
  return createToken(auth, { userId: caller.id, name, expiresInDays, scope }, actorOf(caller));
}

/** Revokes one of the acting user's tokens (audited); any other id, another user's token included, is a 404. */
export async function revokeOwnToken(auth: Auth, { id }: { id: string }, actor: Actor & { id: string }): Promise<void> {
  const own = await listTokens(auth, { userId: actor.id });
  if (!own.some((token) => token.id === id)) throw new AppError('not_found:token', `No token with id ${id}`);
  await revokeToken(auth, { id, userId: actor.id }, actor);
}
