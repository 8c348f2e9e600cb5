import { z } from 'zod';
import { AppError, zodErrorMessage } from '../errors';
import type { Auth } from './auth';
import { auditAuthChange, SYSTEM_ACTOR, type Actor } from './audit-log';
import { DEFAULT_TOKEN_SCOPE, scopeOfPermissions, scopePermissions, TOKEN_SCOPES, type TokenScope } from './token-scopes';
import { getUserById, type AppUser } from './users';

/** A personal API token as listed: never the token itself, which only its creator sees, once. */
export interface TokenInfo {
  id: string;
  name: string | null;
  start: string | null;
  enabled: boolean;
  /** What the token may do (capped by its owner's role). */
  scope: TokenScope;
  expiresAt: Date | null;
  createdAt: Date;
  /** When the token last authenticated a request (null: never). */
  lastUsedAt: Date | null;
}

const createSchema = z.object({
  userId: z.string().min(1),
  name: z.string().trim().min(1).max(32).optional(),
  expiresInDays: z.number().int().min(1).max(365).optional(),
  scope: z.enum(TOKEN_SCOPES).default(DEFAULT_TOKEN_SCOPE),
});

/**
 * Creates a personal API token for a user (scope `read` unless another is given; audited); returns the token (shown
 * once; only its hash is stored), its id and scope.
 */
export async function createToken(
  auth: Auth,
  input: z.input<typeof createSchema>,
  actor: Actor = SYSTEM_ACTOR,
): Promise<{ id: string; token: string; scope: TokenScope; expiresAt: Date | null }> {
  const parsed = createSchema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request:input', zodErrorMessage(parsed.error));
  const { userId, name, expiresInDays, scope } = parsed.data;
  const created = await auth.api.createApiKey({
    body: { userId, name, expiresIn: expiresInDays ? expiresInDays * 24 * 60 * 60 : null, permissions: scopePermissions(scope) },
  });
  const expiresAt = created.expiresAt ? new Date(created.expiresAt) : null;
  await auditAuthChange(auth, {
    actor,
    action: 'token.create',
    entityType: 'token',
    entityId: created.id,
    after: { userId, name: name ?? null, scope, expiresAt },
  });
  return { id: created.id, token: created.key, scope, expiresAt };
}

/**
 * Revokes a token for good (disabled, kept for the record; no route enables it again); `userId`, when given, must own
 * it. Audited; revoking a revoked token changes and records nothing.
 */
export async function revokeToken(auth: Auth, { id, userId }: { id: string; userId?: string }, actor: Actor = SYSTEM_ACTOR): Promise<void> {
  const ctx = await auth.$context;
  const row = await ctx.adapter.findOne<{ referenceId: string; enabled: boolean }>({
    model: 'apikey',
    where: [{ field: 'id', value: id }],
  });
  if (!row || (userId && row.referenceId !== userId)) throw new AppError('bad_request:input', `no token with id ${id}`);
  if (!row.enabled) return;
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
  const rows = await ctx.adapter.findMany<
    Omit<TokenInfo, 'lastUsedAt' | 'scope'> & { referenceId: string; lastRequest: Date | null; permissions: string | null }
  >({
    model: 'apikey',
    where: [{ field: 'referenceId', value: userId }],
    sortBy: { field: 'createdAt', direction: 'desc' },
  });
  return rows.map(({ id, name, start, enabled, permissions, expiresAt, createdAt, lastRequest }) => ({
    id,
    name,
    start,
    enabled,
    scope: scopeOfPermissions(permissions),
    expiresAt,
    createdAt,
    lastUsedAt: lastRequest ?? null,
  }));
}

/** The user a bearer token belongs to with the token's scope, or null when it is unknown, revoked or expired. */
export async function verifyToken(auth: Auth, token: string): Promise<(AppUser & { scope: TokenScope }) | null> {
  if (!token || token.length > 512) return null;
  const result = await auth.api.verifyApiKey({ body: { key: token } });
  if (!result.valid || !result.key) return null;
  const owner = await getUserById(auth, { id: result.key.referenceId });
  return owner ? { ...owner, scope: scopeOfPermissions(result.key.permissions) } : null;
}
