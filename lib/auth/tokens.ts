import { z } from 'zod';
import { AppError, zodErrorMessage } from '../errors';
import type { Auth } from './auth';
import { auditAuthChange, SYSTEM_ACTOR, type Actor } from './audit-log';
import { getUserById, type AppUser } from './users';

/** A personal API token as listed: never the token itself, which only its creator sees, once. */
export interface TokenInfo {
  id: string;
  name: string | null;
  start: string | null;
  enabled: boolean;
  expiresAt: Date | null;
  createdAt: Date;
  /** When the token last authenticated a request (null: never). */
  lastUsedAt: Date | null;
}

const createSchema = z.object({
  userId: z.string().min(1),
  name: z.string().trim().min(1).max(32).optional(),
  expiresInDays: z.number().int().min(1).max(365).optional(),
});

/** Creates a personal API token for a user; returns the token (shown once; only its hash is stored) and its id. */
export async function createToken(
  auth: Auth,
  input: z.input<typeof createSchema>,
  actor: Actor = SYSTEM_ACTOR,
): Promise<{ id: string; token: string; expiresAt: Date | null }> {
  const parsed = createSchema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request:input', zodErrorMessage(parsed.error));
  const { userId, name, expiresInDays } = parsed.data;
  const created = await auth.api.createApiKey({
    body: { userId, name, expiresIn: expiresInDays ? expiresInDays * 24 * 60 * 60 : null },
  });
  const expiresAt = created.expiresAt ? new Date(created.expiresAt) : null;
  await auditAuthChange(auth, {
    actor,
    action: 'token.create',
    entityType: 'token',
    entityId: created.id,
    after: { userId, name: name ?? null, expiresAt },
  });
  return { id: created.id, token: created.key, expiresAt };
}

/** Revokes a token (disabled, kept for the record); `userId`, when given, must own it. */
export async function revokeToken(auth: Auth, { id, userId }: { id: string; userId?: string }, actor: Actor = SYSTEM_ACTOR): Promise<void> {
  const ctx = await auth.$context;
  const row = await ctx.adapter.findOne<{ referenceId: string }>({ model: 'apikey', where: [{ field: 'id', value: id }] });
  if (!row || (userId && row.referenceId !== userId)) throw new AppError('bad_request:input', `no token with id ${id}`);
  await auth.api.updateApiKey({ body: { keyId: id, userId: row.referenceId, enabled: false } });
  await auditAuthChange(auth, {
    actor,
    action: 'token.revoke',
    entityType: 'token',
    entityId: id,
    before: { enabled: true },
    after: { enabled: false },
  });
}

/** A user's tokens, newest first (without the secret part). */
export async function listTokens(auth: Auth, { userId }: { userId: string }): Promise<TokenInfo[]> {
  const ctx = await auth.$context;
  const rows = await ctx.adapter.findMany<Omit<TokenInfo, 'lastUsedAt'> & { referenceId: string; lastRequest: Date | null }>({
    model: 'apikey',
    where: [{ field: 'referenceId', value: userId }],
    sortBy: { field: 'createdAt', direction: 'desc' },
  });
  return rows.map(({ id, name, start, enabled, expiresAt, createdAt, lastRequest }) => ({
    id,
    name,
    start,
    enabled,
    expiresAt,
    createdAt,
    lastUsedAt: lastRequest ?? null,
  }));
}

/** The user a bearer token belongs to, or null when it is unknown, revoked or expired. */
export async function verifyToken(auth: Auth, token: string): Promise<AppUser | null> {
  if (!token || token.length > 512) return null;
  const result = await auth.api.verifyApiKey({ body: { key: token } });
  if (!result.valid || !result.key) return null;
  return (await getUserById(auth, { id: result.key.referenceId })) ?? null;
}
