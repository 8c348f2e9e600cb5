import { handle } from '@/lib/api/handler';
import { readJsonBody } from '@/lib/api/json-body';
import { requireUser } from '@/lib/auth/guard';
import { countReviews, listReviews } from '@/lib/reviews/registry';
import { createReviewSchema, MAX_CREATE_BODY_BYTES, reviewListQuerySchema } from '@/lib/reviews/input';
import { createReview } from '@/lib/reviews/create';
import { CREATE_PROGRESS_TYPE, createReviewStream } from '@/lib/reviews/create-stream';

export const dynamic = 'force-dynamic';

/** Lists reviews (500 stored ones unless `limit` says otherwise) with artifact states, totals, counts and coverage; query filters narrow and sort the list; `total` counts every page. */
export const GET = handle(async (req: Request) => {
  await requireUser(req, 'viewer');
  const { limit = 500, offset, ...filter } = reviewListQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const [reviews, count] = await Promise.all([listReviews({ ...filter, limit, offset }), countReviews(filter)]);
  return Response.json({ reviews, total: count.stored + count.pinned });
});

/**
 * Creates a review from templates, a markdown answer or a task folder's files (reviewer+): 201 with its summary; with
 * `Accept: application/x-ndjson`, 201 with its progress streamed line by line (invalid input is still a plain 4xx).
 */
export const POST = handle(async (req: Request) => {
  const user = await requireUser(req, 'reviewer');
  const input = createReviewSchema.parse(await readJsonBody(req, MAX_CREATE_BODY_BYTES));
  if (req.headers.get('accept')?.includes(CREATE_PROGRESS_TYPE)) return createReviewStream({ input, createdBy: user.email });
  return Response.json({ review: await createReview({ input, createdBy: user.email }) }, { status: 201 });
});
