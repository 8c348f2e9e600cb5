import { handle } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/guard';
import { getCoverageOverReviews } from '@/lib/coverage/review';

export const dynamic = 'force-dynamic';

/** Coverage over every review that has a human MODEL_FAILURES.md: the summed numbers and each review's. */
export const GET = handle(async (req: Request) => {
  await requireUser(req, 'viewer');
  return Response.json(await getCoverageOverReviews());
});
