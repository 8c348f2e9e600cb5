import 'server-only';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { DeploySection } from '@/components/deploy/deploy-section';
import { PackSelector } from '@/components/rule-packs/pack-selector';
import { ReviewActions } from '@/components/reviews/review-actions';
import { AuditSessionsPanel } from '@/components/session/sessions-panel';
import { loadStackView } from '@/components/stack/load-stack';
import type { AuthedUser } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { BUNDLED_REVIEW_ID } from '@/lib/pipeline/bundled';
import { getReviewNameById } from '@/lib/reviews/registry';
import { parseRulePacks, type RulePackId } from '@/lib/rules/cdk-nag/packs';
import { loadReviewById } from './load-review';
import { ReviewLoading } from './review-loading';
import { ReviewView } from './review-view';
import { ReviewUnavailable } from './synthesis-error';

/** The id and name of a review, or a 404 for an unknown id; called before anything streams, so the status is a real 404. */
export async function reviewNameOrNotFound(id: string): Promise<{ id: string; name: string }> {
  try {
    return await getReviewNameById({ id });
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

/** The page title of a review: its name, or "Review not found"; never throws (metadata must not fail the page). */
export async function reviewTitle(id: string): Promise<string> {
  return getReviewNameById({ id }).then(
    (review) => review.name,
    () => 'Review not found',
  );
}

/**
 * Every review's page, the same for `/` and `/review/<id>`: its audit sessions, rename/delete for reviewers, the pack
 * selector and diff link, then (streamed, with a loading state) the review with coverage and exports. The bundled
 * review, the one that deploys, adds its deployed stack and deploy controls. Unknown ids are a 404.
 */
export async function ReviewComposition({ id, user, packs }: { id: string; user: AuthedUser; packs: string | string[] | undefined }) {
  const named = await reviewNameOrNotFound(id);
  let selected: RulePackId[];
  try {
    selected = parseRulePacks(packs);
  } catch (error) {
    return <ReviewUnavailable message={(error as Error).message} />;
  }
  const stored = id !== BUNDLED_REVIEW_ID;
  return (
    <div className="space-y-4">
      {stored && hasRole(user, 'reviewer') && <ReviewActions reviewId={id} name={named.name} />}
      <AuditSessionsPanel reviewId={id} canStart={hasRole(user, 'reviewer')} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <PackSelector selected={selected} />
        <Link
          data-testid="review-diff-link"
          href={`/review/${encodeURIComponent(id)}/diff`}
          className="text-xs text-sky-700 hover:underline"
        >
          Full template diff
        </Link>
      </div>
      <Suspense fallback={<ReviewLoading />}>
        <ReviewBody id={id} packs={selected} deployable={!stored} />
      </Suspense>
    </div>
  );
}

/** The review itself (the slow part: it may synthesize), with the deployed stack beside it when the review deploys. */
async function ReviewBody({ id, packs, deployable }: { id: string; packs: RulePackId[]; deployable: boolean }) {
  const [outcome, stack] = await Promise.all([loadReviewById({ id, rulePacks: packs }), deployable ? loadStackView({ id }) : undefined]);
  if (outcome.status === 'not-found') return <ReviewUnavailable message="This review was deleted." />;
  if (outcome.status === 'error') return <ReviewUnavailable message={outcome.message} />;
  if (!stack) return <ReviewView review={outcome.review} />;
  return <ReviewView review={outcome.review} stack={stack} deployControls={<DeploySection reviewId={id} />} />;
}
