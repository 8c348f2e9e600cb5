import { handle } from '@/lib/api/handler';
import { listReviews } from '@/lib/review/registry';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** Lists reviews with their artifact states and totals. */
export const GET = handle(async (req: Request) => {
  await requireUser(req, 'viewer');
  return Response.json({ reviews: await listReviews() });
});
