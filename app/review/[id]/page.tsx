import Link from 'next/link';
import { notFound } from 'next/navigation';
import { loadReviewById } from '@/components/review/load-review';
import { ReviewView } from '@/components/review/review-view';
import { ReviewUnavailable } from '@/components/review/synthesis-error';
import { DeploySection } from '@/components/deploy/deploy-section';
import { loadStackView } from '@/components/stack/load-stack';
import { requirePageUser } from '@/lib/auth/guard';
import { BUNDLED_REVIEW_ID } from '@/lib/pipeline/bundled';
import { parseRulePacks, type RulePackId } from '@/lib/rules/cdk-nag/packs';
import { PackSelector } from '@/components/rule-packs/pack-selector';

export const dynamic = 'force-dynamic';

/**
 * A review by id; unknown ids are a 404. The bundled review (the infra/ reference, the one that deploys) stands beside
 * the deployed stack and its deploy controls; stored reviews are reviews only.
 */
export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ packs?: string | string[] }>;
}) {
  await requirePageUser('viewer');
  const { id } = await params;
  const selection = (await searchParams).packs;
  let packs: RulePackId[];
  try {
    packs = parseRulePacks(selection);
  } catch (error) {
    return <ReviewUnavailable message={(error as Error).message} />;
  }
  const deployable = id === BUNDLED_REVIEW_ID;
  const [outcome, stack] = await Promise.all([loadReviewById({ id, rulePacks: packs }), deployable ? loadStackView({ id }) : undefined]);
  if (outcome.status === 'not-found') notFound();
  if (outcome.status === 'error') return <ReviewUnavailable message={outcome.message} />;
  const selector = (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <PackSelector selected={packs} />
      <Link data-testid="review-diff-link" href={`/review/${encodeURIComponent(id)}/diff`} className="text-xs text-sky-700 hover:underline">
        Full template diff
      </Link>
    </div>
  );
  if (!stack)
    return (
      <div className="space-y-4">
        {selector}
        <ReviewView review={outcome.review} />
      </div>
    );
  return (
    <div className="space-y-4">
      {selector}
      <ReviewView review={outcome.review} stack={stack} deployControls={<DeploySection reviewId={outcome.review.id} />} />
    </div>
  );
}
