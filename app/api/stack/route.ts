import { handle } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/guard';
import { loadDeployedView } from '@/lib/stack/view';
import { BUNDLED_REVIEW_ID } from '@/lib/pipeline/bundled';
import { getReviewDefinition } from '@/lib/reviews/registry';

export const dynamic = 'force-dynamic';

/** The deployed stack of the bundled review: status, outputs, drift from the reference, events, findings (viewer). */
export const GET = handle(async (req: Request) => {
  await requireUser(req, 'viewer');
  return Response.json(await loadDeployedView(await getReviewDefinition({ id: BUNDLED_REVIEW_ID })));
});
