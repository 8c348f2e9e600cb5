import { loadReviewById } from '@/components/review/load-review';
import { ReviewView } from '@/components/review/review-view';
import { ReviewUnavailable } from '@/components/review/synthesis-error';
import { BUNDLED_REVIEW_ID } from '@/lib/review/bundled';
import { requirePageUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** Home: the bundled review (model output in infra/model/ against the infra/ reference). */
export default async function HomePage() {
  await requirePageUser('viewer');
  const outcome = await loadReviewById({ id: BUNDLED_REVIEW_ID });
  if (outcome.status !== 'ok') {
    return <ReviewUnavailable message={outcome.status === 'error' ? outcome.message : 'The bundled review is missing.'} />;
  }
  return <ReviewView review={outcome.review} />;
}
