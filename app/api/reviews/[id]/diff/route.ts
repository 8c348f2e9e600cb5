import { handle } from '@/lib/api/handler';
import { getReviewById } from '@/lib/reviews/registry';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** The diff from reference to model (null when a side failed). */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  await requireUser(req, 'viewer');
  return Response.json({ diff: (await getReviewById(await ctx.params)).diff });
});
