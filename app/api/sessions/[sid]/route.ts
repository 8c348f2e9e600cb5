import { handle } from '@/lib/api/handler';
import { getSessionView } from '@/lib/audit/session-view';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** The whole session as SessionView (viewer+). */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ sid: string }> }) => {
  const user = await requireUser(req, 'viewer');
  return Response.json(await getSessionView({ sessionId: (await ctx.params).sid, user }));
});
