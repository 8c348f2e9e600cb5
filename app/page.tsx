import { loadReviewById } from '@/components/review/load-review';
import { ReviewView } from '@/components/review/review-view';
import { ReviewUnavailable } from '@/components/review/synthesis-error';
import { AuditSessionsPanel } from '@/components/session/sessions-panel';
import { DeploySection } from '@/components/deploy/deploy-section';
import { loadStackView } from '@/components/stack/load-stack';
import { BUNDLED_REVIEW_ID } from '@/lib/pipeline/bundled';
import { requirePageUser } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';

export const dynamic = 'force-dynamic';

/** Home: the bundled review (model output in infra/model/ against the infra/ reference), its audit sessions and its deployed stack. */
export default async function HomePage() {
  const user = await requirePageUser('viewer');
  const [outcome, stack] = await Promise.all([loadReviewById({ id: BUNDLED_REVIEW_ID }), loadStackView({ id: BUNDLED_REVIEW_ID })]);
  if (outcome.status !== 'ok') {
    return <ReviewUnavailable message={outcome.status === 'error' ? outcome.message : 'The bundled review is missing.'} />;
  }
  return (
    <div className="space-y-6">
      <AuditSessionsPanel reviewId={outcome.review.id} canStart={hasRole(user, 'reviewer')} />
      <ReviewView review={outcome.review} stack={stack} deployControls={<DeploySection reviewId={outcome.review.id} />} />
    </div>
  );
}
