import { handle } from '@/lib/api/handler';
import { addReviewAcknowledgement, listReviewAcknowledgements } from '@/lib/reviews/acknowledgements/service';
import { actorOf } from '@/lib/auth/authorize';
import { readJsonBody } from '@/lib/api/json-body';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** The review's acknowledgements, expired ones flagged (viewer+). */
export const GET = handle(async (req: Request, ctx: Ctx) => {
  await requireUser(req, 'viewer');
  return Response.json({ acknowledgements: await listReviewAcknowledgements({ reviewId: (await ctx.params).id }) });
});

/** Acknowledges findings of the review by rule and/or resource with a reason and optional expiry (reviewer+), audited. */
export const POST = handle(async (req: Request, ctx: Ctx) => {
  const user = await requireUser(req, 'reviewer');
  const acknowledgement = await addReviewAcknowledgement({
    reviewId: (await ctx.params).id,
    body: await readJsonBody(req),
    actor: actorOf(user),
  });
  return Response.json({ acknowledgement }, { status: 201 });
});
