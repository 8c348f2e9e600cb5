import { handle } from '@/lib/api/handler';
import { readJsonBody } from '@/lib/api/json-body';
import { requireUser } from '@/lib/auth/guard';
import { listReviews } from '@/lib/reviews/registry';
import { createReviewSchema, MAX_CREATE_BODY_BYTES, reviewListQuerySchema } from '@/lib/reviews/input';
import { createReview } from '@/lib/reviews/service';

export const dynamic = 'force-dynamic';

/** Lists reviews with their artifact states, totals, platform, status and counts; query filters narrow the list. */
export const GET = handle(async (req: Request) => {
  await requireUser(req, 'viewer');
  const filter = reviewListQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json({ reviews: await listReviews(filter) });
});

/** Creates a review from templates, a markdown answer or a task folder's files (reviewer+): 201 with its summary. */
export const POST = handle(async (req: Request) => {
  const user = await requireUser(req, 'reviewer');
  const input = createReviewSchema.parse(await readJsonBody(req, MAX_CREATE_BODY_BYTES));
  return Response.json({ review: await createReview({ input, createdBy: user.email }) }, { status: 201 });
});
