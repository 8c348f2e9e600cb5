import { handle } from '@/lib/api/handler';
import { openSessionEvents, SSE_HEADERS } from '@/lib/audit/live';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The session's live events as Server-Sent Events, from every app instance (viewer+). */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ sid: string }> }) => {
  const user = await requireUser(req, 'viewer');
  const stream = await openSessionEvents({ sessionId: (await ctx.params).sid, user, signal: req.signal });
  return new Response(stream, { headers: SSE_HEADERS });
});
