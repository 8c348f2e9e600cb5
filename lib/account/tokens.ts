import { z } from 'zod';
import type { Auth } from '../auth/auth';
import type { Actor } from '../auth/audit-log';
import { createToken, listTokens, revokeToken, type TokenInfo } from '../auth/tokens';
import { AppError } from '../errors';

/** What a user gives to create one of their own tokens. */
export const newOwnTokenSchema = z.strictObject({
  name: z.string().trim().min(1).max(32),
  expiresInDays: z.number().int().min(1).max(365).optional(),
});

/** A listed token as the API and pages show it: never the secret, only its first characters. */
export type OwnToken = Pick<TokenInfo, 'id' | 'name' | 'start' | 'enabled' | 'createdAt' | 'expiresAt' | 'lastUsedAt'>;

/** The user's own tokens, newest first. */
export async function listOwnTokens(auth: Auth, { userId }: { userId: string }): Promise<OwnToken[]> {
  return (await listTokens(auth, { userId })).map(({ id, name, start, enabled, createdAt, expiresAt, lastUsedAt }) => ({
    id,
    name,
    start,
    enabled,
    createdAt,
    expiresAt,
    lastUsedAt,
  }));
}

/** Creates a token for the acting user (audited); the returned `token` is the only time the secret is available. */
export async function createOwnToken(auth: Auth, input: z.input<typeof newOwnTokenSchema>, actor: Actor & { id: string }) {
  const { name, expiresInDays } = newOwnTokenSchema.parse(input);
  return createToken(auth, { userId: actor.id, name, expiresInDays }, actor);
}

/** Revokes one of the acting user's tokens (audited); any other id, another user's token included, is a 404. */
export async function revokeOwnToken(auth: Auth, { id }: { id: string }, actor: Actor & { id: string }): Promise<void> {
  const own = await listTokens(auth, { userId: actor.id });
  if (!own.some((token) => token.id === id)) throw new AppError('not_found:token', `No token with id ${id}`);
  await revokeToken(auth, { id, userId: actor.id }, actor);
}
