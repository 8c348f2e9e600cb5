import { notFound } from 'next/navigation';
import { ReviewDiff } from '@/components/diff/review-diff';
import { loadReviewById } from '@/components/review/load-review';
import { requirePageUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** The full reference → model diff of any review by id (renamed resources aligned); unknown ids are a 404. */
export default async function ReviewDiffPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser('viewer');
  const { id } = await params;
  const outcome = await loadReviewById({ id });
  if (outcome.status === 'not-found') notFound();
  return <ReviewDiff outcome={outcome} reviewId={id} />;
}
