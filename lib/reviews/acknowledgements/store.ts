import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { getDb } from '../../db/connection';
import { deleteAcknowledgementRow, insertAcknowledgementRow, listAcknowledgementRowsByReview } from '../../db/queries/acknowledgements';
import { nowIso, type Actor } from '../../db/queries/shared';
import type { AcknowledgementRow, Database } from '../../db/schema';
import { AppError } from '../../errors';
import type { AcknowledgementInput, ReviewAcknowledgement } from './input';

/** The served form of a row; `expired` is judged at `now`. */
export function toReviewAcknowledgement(row: AcknowledgementRow, now = new Date()): ReviewAcknowledgement {
  return {
    id: row.id,
    reviewId: row.review_id,
    rule: row.rule,
    resource: row.resource,
    reason: row.reason,
    author: row.author,
    authorId: row.author_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    expired: row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime(),
  };
}

/** Every acknowledgement of a review (expired ones included), oldest first. */
export async function listAcknowledgementsByReview(
  { reviewId }: { reviewId: string },
  db: Kysely<Database> = getDb().db,
): Promise<ReviewAcknowledgement[]> {
  const rows = await listAcknowledgementRowsByReview({ reviewId }, db);
  const now = new Date();
  return rows.map((row) => toReviewAcknowledgement(row, now));
}

/** Stores an acknowledgement and its audit entry in one transaction; an expiry not in the future is `bad_request:input`. */
export async function createAcknowledgement(
  { reviewId, input, actor }: { reviewId: string; input: AcknowledgementInput; actor: Actor },
  db: Kysely<Database> = getDb().db,
): Promise<ReviewAcknowledgement> {
  const createdAt = nowIso();
  const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
  if (expiresAt && expiresAt <= createdAt)
    throw new AppError('bad_request:input', 'expiresAt must be in the future', { details: { expiresAt: input.expiresAt } });
  const row: AcknowledgementRow = {
    id: randomUUID(),
    review_id: reviewId,
    rule: input.rule,
    resource: input.resource,
    reason: input.reason,
    author_id: actor.id,
    author: actor.label,
    created_at: createdAt,
    expires_at: expiresAt,
  };
  await insertAcknowledgementRow({ row, actor }, db);
  return toReviewAcknowledgement(row);
}

/** Deletes one acknowledgement of a review with its audit entry in one transaction; unknown → `not_found:finding`. */
export async function deleteAcknowledgement(
  { reviewId, ackId, actor }: { reviewId: string; ackId: string; actor: Actor },
  db: Kysely<Database> = getDb().db,
): Promise<ReviewAcknowledgement> {
  const before = await deleteAcknowledgementRow({ reviewId, ackId, actor }, db);
  if (!before) throw new AppError('not_found:finding', `No acknowledgement "${ackId}" on review "${reviewId}"`);
  return toReviewAcknowledgement(before);
}
