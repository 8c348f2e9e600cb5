import { handle } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/guard';
import { getReviewCoverage } from '@/lib/coverage/review';

export const dynamic = 'force-dynamic';

/** Coverage of a review against its human MODEL_FAILURES.md: found, missed, not listed, numbers (null parts without one). */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  await requireUser(req, 'viewer');
  return Response.json(await getReviewCoverage(await ctx.params));
});
