import { handle } from '@/lib/api/handler';
import { readJsonBody } from '@/lib/api/json-body';
import { signOffSession } from '@/lib/audit/mutations';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** Signs the session off for the caller (reviewer+); the last required sign-off closes it. */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ sid: string }> }) => {
  const user = await requireUser(req, 'reviewer');
  const result = await signOffSession({ sessionId: (await ctx.params).sid, user, input: await readJsonBody(req) });
  return Response.json(result, { status: 201 });
});
