import { handle } from '@/lib/api/handler';
import { removeReviewAcknowledgement } from '@/lib/reviews/acknowledgements/service';
import { actorOf } from '@/lib/auth/authorize';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** Removes one acknowledgement of the review (reviewer+), audited; 404 when the review has no such acknowledgement. */
export const DELETE = handle(async (req: Request, ctx: { params: Promise<{ id: string; ackId: string }> }) => {
  const user = await requireUser(req, 'reviewer');
  const { id, ackId } = await ctx.params;
  return Response.json({ acknowledgement: await removeReviewAcknowledgement({ reviewId: id, ackId, actor: actorOf(user) }) });
});
