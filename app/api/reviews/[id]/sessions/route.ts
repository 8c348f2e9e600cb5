import { handle } from '@/lib/api/handler';
import { createAuditSession, listAuditSessions } from '@/lib/audit/create-session';
import { readJsonBody } from '@/lib/api/json-body';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** The review's audit sessions, newest first, with progress (viewer+). */
export const GET = handle(async (req: Request, ctx: Ctx) => {
  await requireUser(req, 'viewer');
  return Response.json({ sessions: await listAuditSessions({ reviewId: (await ctx.params).id }) });
});

/** Opens an audit session pinning the review as it is now (reviewer+); 422 when an artifact failed. */
export const POST = handle(async (req: Request, ctx: Ctx) => {
  const user = await requireUser(req, 'reviewer');
  const session = await createAuditSession({ reviewId: (await ctx.params).id, input: await readJsonBody(req), user });
  return Response.json({ session }, { status: 201 });
});
