import type { Kysely } from 'kysely';
import type { Actor } from '../../db/queries/shared';
import type { Database } from '../../db/schema';
import { getReviewDefinition } from '../registry';
import { acknowledgementInputSchema, type ReviewAcknowledgement } from './input';
import { createAcknowledgement, deleteAcknowledgement, listAcknowledgementsByReview } from './store';

/** The acknowledgements of an existing review (expired ones flagged); `not_found:review` for unknown ids. */
export async function listReviewAcknowledgements(
  { reviewId }: { reviewId: string },
  db?: Kysely<Database>,
): Promise<ReviewAcknowledgement[]> {
  await getReviewDefinition({ id: reviewId }, db);
  return listAcknowledgementsByReview({ reviewId }, db);
}

/** Validates `body` (zod: ZodError → 4xx) and acknowledges on an existing review, audited; `not_found:review` for unknown ids. */
export async function addReviewAcknowledgement(
  { reviewId, body, actor }: { reviewId: string; body: unknown; actor: Actor },
  db?: Kysely<Database>,
): Promise<ReviewAcknowledgement> {
  const input = acknowledgementInputSchema.parse(body);
  await getReviewDefinition({ id: reviewId }, db);
  return createAcknowledgement({ reviewId, input, actor }, db);
}

/** Removes an acknowledgement of a review, audited; `not_found:finding` when the review has no such acknowledgement. */
export function removeReviewAcknowledgement(
  { reviewId, ackId, actor }: { reviewId: string; ackId: string; actor: Actor },
  db?: Kysely<Database>,
): Promise<ReviewAcknowledgement> {
  return deleteAcknowledgement({ reviewId, ackId, actor }, db);
}
