import { handle } from '@/lib/api/handler';
import { readJsonBody } from '@/lib/api/json-body';
import { addSessionLineComment, listSessionLineComments } from '@/lib/audit/line-comments';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** The session's comments on lines of its review's files, oldest first (viewer+). */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ sid: string }> }) => {
  await requireUser(req, 'viewer');
  const { sid } = await ctx.params;
  return Response.json({ lineComments: await listSessionLineComments({ sessionId: sid }) });
});

/** Comments on a line of a file of the session's review (reviewer+). */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ sid: string }> }) => {
  const user = await requireUser(req, 'reviewer');
  const { sid } = await ctx.params;
  return Response.json(
    { lineComment: await addSessionLineComment({ sessionId: sid, user, input: await readJsonBody(req) }) },
    { status: 201 },
  );
});
