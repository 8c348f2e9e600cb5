import { handle } from '@/lib/api/handler';
import { readJsonBody } from '@/lib/api/json-body';
import { setVerdicts } from '@/lib/audit/bulk-verdicts';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** Records the caller's one verdict on many findings of an open session, all or nothing (reviewer+). */
export const PUT = handle(async (req: Request, ctx: { params: Promise<{ sid: string }> }) => {
  const user = await requireUser(req, 'reviewer');
  const { sid } = await ctx.params;
  return Response.json(await setVerdicts({ sessionId: sid, user, input: await readJsonBody(req) }));
});
