import { handle } from '@/lib/api/handler';
import { readJsonBody } from '@/lib/api/json-body';
import { setVerdict } from '@/lib/audit/mutations';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** Records the caller's verdict on a finding of an open session (reviewer+). */
export const PUT = handle(async (req: Request, ctx: { params: Promise<{ sid: string; key: string }> }) => {
  const user = await requireUser(req, 'reviewer');
  const { sid, key } = await ctx.params;
  return Response.json({ key, verdict: await setVerdict({ sessionId: sid, key, user, input: await readJsonBody(req) }) });
});
