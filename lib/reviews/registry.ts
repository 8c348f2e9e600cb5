import type { Kysely } from 'kysely';
import { getAppSettings } from '../admin/settings';
import type { Database } from '../db/schema';
import { getStoredReviewDefinition, listStoredReviews, runStoredReview } from './service';
import type { ReviewRowFilter } from '../db/queries/reviews';
import { modelCounts, type ReviewListExtras } from './summary';
import { BUNDLED_REVIEW_ID, bundledReview, projectRoot } from '../pipeline/bundled';
import { applyReviewAcknowledgements } from './acknowledgements/apply';
import { listAcknowledgementsByReview } from './acknowledgements/store';
import { runReview, type ReviewDefinition } from '../pipeline/run';
import type { ReviewResult } from '../pipeline/types';

/** A review as listed: id, name, artifact states and per-side totals (no findings), platform, status and counts. */
export interface ReviewListItem extends ReviewListExtras {
  id: string;
  name: string;
  generatedAt: string;
  reference: ReviewResult['reference'];
  model: ReviewResult['model'];
  totals: { model: number; reference: number; acknowledged: number };
}

/** The definition of the review with this id as the app runs it (the reference with the admin's settings); `not_found:review` for unknown ids. */
export async function getReviewDefinition({ id }: { id: string }, db?: Kysely<Database>): Promise<ReviewDefinition> {
  if (id !== BUNDLED_REVIEW_ID) return getStoredReviewDefinition({ id }, db);
  const settings = await getAppSettings(db);
  return bundledReview(projectRoot(), settings.referenceNatGateways === 1 ? {} : { natGateways: settings.referenceNatGateways });
}

/**
 * The full review with this id, with `rulePacks` run when given (not recorded in the stored summary) and the review's
 * acknowledgements applied (lib/reviews/acknowledgements); `not_found:review` for unknown ids.
 */
export async function getReviewById({ id, rulePacks }: { id: string; rulePacks?: string[] }): Promise<ReviewResult> {
  const review = await runReviewById({ id, rulePacks });
  return applyReviewAcknowledgements(review, await listAcknowledgementsByReview({ reviewId: id }));
}

async function runReviewById({ id, rulePacks }: { id: string; rulePacks?: string[] }): Promise<ReviewResult> {
  if (rulePacks?.length) return runReview({ ...(await getReviewDefinition({ id })), rulePacks });
  if (id !== BUNDLED_REVIEW_ID) return runStoredReview({ id });
  return runReview(await getReviewDefinition({ id }));
}

/** Every review matching the filter, summarized: the bundled one first, then stored ones, newest first. */
export async function listReviews(filter: ReviewRowFilter = {}): Promise<ReviewListItem[]> {
  const stored = await listStoredReviews(filter);
  const bundledFits =
    (!filter.platform || filter.platform === 'cdk') &&
    (!filter.language || filter.language === 'ts') &&
    (!filter.status || filter.status === 'analyzed') &&
    (!filter.kind || filter.kind === 'bundled') &&
    !filter.offset;
  if (!bundledFits) return stored;
  const review = await getReviewById({ id: BUNDLED_REVIEW_ID });
  const open = review.findings.filter((f) => !f.acknowledged);
  const counts = modelCounts(review);
  if ((filter.category && counts[filter.category] === 0) || (filter.severity && counts[filter.severity] === 0)) return stored;
  return [
    {
      id: review.id,
      name: review.name,
      generatedAt: review.generatedAt,
      reference: review.reference,
      model: review.model,
      totals: {
        model: open.filter((f) => f.side === 'model').length,
        reference: open.filter((f) => f.side === 'reference').length,
        acknowledged: review.findings.length - open.length,
      },
      kind: 'bundled',
      platform: 'cdk',
      language: 'ts',
      status: 'analyzed',
      statusNote: null,
      createdAt: null,
      createdBy: null,
      analyzed: true,
      counts,
    },
    ...stored,
  ];
}
