import { notFound } from 'next/navigation';
import { loadReviewById } from '@/components/review/load-review';
import { ReviewView } from '@/components/review/review-view';
import { ReviewUnavailable } from '@/components/review/synthesis-error';
import { DeploySection } from '@/components/deploy/deploy-section';
import { loadStackView } from '@/components/stack/load-stack';
import { requirePageUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** A review by id (`/review/bundled` is the home page's review) beside its deployed stack; unknown ids are a 404. */
export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser('viewer');
  const { id } = await params;
  const [outcome, stack] = await Promise.all([loadReviewById({ id }), loadStackView({ id })]);
  if (outcome.status === 'not-found') notFound();
  if (outcome.status === 'error') return <ReviewUnavailable message={outcome.message} />;
  return <ReviewView review={outcome.review} stack={stack} deployControls={<DeploySection reviewId={outcome.review.id} />} />;
}
