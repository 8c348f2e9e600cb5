import { createOwnToken, listOwnTokens, newOwnTokenSchema } from '@/lib/account/tokens';
import { ADMIN_MAX_BODY_BYTES, readJsonBody } from '@/lib/api/json-body';
import { handle } from '@/lib/api/handler';
import { getAuth } from '@/lib/auth/auth';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** The caller's own API tokens, newest first, without their secrets. */
export const GET = handle(async (req: Request) => {
  const user = await requireUser(req, 'viewer');
  return Response.json({ tokens: await listOwnTokens(await getAuth(), { userId: user.id }) });
});

/** Creates one of the caller's tokens (scope `read` unless asked); the response's `token` is the only time the secret is shown. */
export const POST = handle(async (req: Request) => {
  const user = await requireUser(req, 'viewer');
  const created = await createOwnToken(await getAuth(), newOwnTokenSchema.parse(await readJsonBody(req, ADMIN_MAX_BODY_BYTES)), user);
  return Response.json(created, { status: 201 });
});
