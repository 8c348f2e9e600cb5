import { handle } from '@/lib/api/handler';
import { readJsonBody } from '@/lib/api/json-body';
import { addSessionComment } from '@/lib/audit/mutations';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** Adds a markdown comment (stored verbatim) to a finding of an open session (reviewer+). */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ sid: string; key: string }> }) => {
  const user = await requireUser(req, 'reviewer');
  const { sid, key } = await ctx.params;
  const comment = await addSessionComment({ sessionId: sid, key, user, input: await readJsonBody(req) });
  return Response.json({ key, comment }, { status: 201 });
});
