import type { Kysely } from 'kysely';
import { getAppSettings } from '../admin/settings';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { BUNDLED_REVIEW_ID, bundledReview, projectRoot } from './bundled';
import { runReview, type ReviewDefinition } from './run';
import type { ReviewResult } from './types';

/** A review as listed: id, name, artifact states and per-side totals (no findings). */
export interface ReviewListItem {
  id: string;
  name: string;
  generatedAt: string;
  reference: ReviewResult['reference'];
  model: ReviewResult['model'];
  totals: { model: number; reference: number; acknowledged: number };
}

/** The definition of the review with this id as the app runs it (the reference with the admin's settings); `not_found:review` for unknown ids. */
export async function getReviewDefinition({ id }: { id: string }, db?: Kysely<Database>): Promise<ReviewDefinition> {
  if (id !== BUNDLED_REVIEW_ID) throw new AppError('not_found:review', `No review with id "${id}"`);
  const settings = await getAppSettings(db);
  return bundledReview(projectRoot(), settings.referenceNatGateways === 1 ? {} : { natGateways: settings.referenceNatGateways });
}

/** The full review with this id; `not_found:review` for unknown ids. */
export async function getReviewById({ id }: { id: string }): Promise<ReviewResult> {
  return runReview(await getReviewDefinition({ id }));
}

/** Every review, summarized. */
export async function listReviews(): Promise<ReviewListItem[]> {
  const review = await getReviewById({ id: BUNDLED_REVIEW_ID });
  const open = review.findings.filter((f) => !f.acknowledged);
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
    },
  ];
}
