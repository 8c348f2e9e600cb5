import { revokeOwnToken } from '@/lib/account/tokens';
import { actorOf } from '@/lib/auth/authorize';
import { handle } from '@/lib/api/handler';
import { getAuth } from '@/lib/auth/auth';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** Revokes one of the caller's own tokens; another user's token is a 404. */
export const DELETE = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser(req, 'viewer');
  await revokeOwnToken(await getAuth(), { id: (await ctx.params).id }, actorOf(user));
  return new Response(null, { status: 204 });
});
