import { handle } from '@/lib/api/handler';
import { readJsonBody } from '@/lib/api/json-body';
import { addSessionManualFinding } from '@/lib/audit/mutations';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** Adds a finding the rules missed to an open session (reviewer+). */
export const POST = handle(async (req: Request, ctx: { params: Promise<{ sid: string }> }) => {
  const user = await requireUser(req, 'reviewer');
  const manualFinding = await addSessionManualFinding({ sessionId: (await ctx.params).sid, user, input: await readJsonBody(req) });
  return Response.json({ manualFinding }, { status: 201 });
});
