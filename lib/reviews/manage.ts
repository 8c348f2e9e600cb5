import type { Kysely } from 'kysely';
import { z } from 'zod';
import { getDb } from '../db/connection';
import { deleteReviewRow, renameReviewRow } from '../db/queries/review-changes';
import type { Actor } from '../db/queries/shared';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { BUNDLED_REVIEW_ID } from '../pipeline/bundled';
import { isPrintable, UNPRINTABLE_MESSAGE } from './input';
import { reviewNotFound } from './not-found';

/** The body of PATCH /api/reviews/<id>: the new name (trimmed, 1-200 characters). */
export const reviewPatchSchema = z.strictObject({
  name: z.string().trim().min(1, 'a name is required').max(200).refine(isPrintable, UNPRINTABLE_MESSAGE),
});

function refuseBundled(id: string, what: string): void {
  if (id === BUNDLED_REVIEW_ID)
    throw new AppError('conflict:state', `The bundled review cannot be ${what}: it is defined by the project's infra/ folder.`);
}

/** Validates `body` and renames a stored review, audited; `not_found:review` for unknown ids, `conflict:state` for the bundled one. */
export async function renameReview(
  { id, body, actor }: { id: string; body: unknown; actor: Actor },
  db: Kysely<Database> = getDb().db,
): Promise<{ id: string; name: string }> {
  const { name } = reviewPatchSchema.parse(body);
  refuseBundled(id, 'renamed');
  if ((await renameReviewRow({ id, name, actor }, db)) === undefined) throw reviewNotFound(id);
  return { id, name };
}

/**
 * Deletes a stored review and its acknowledgements, audited. A review with audit sessions is refused (`conflict:state`):
 * sessions are the record of who judged what, so they are never deleted as a side effect.
 */
export async function deleteReview(
  { id, actor }: { id: string; actor: Actor },
  db: Kysely<Database> = getDb().db,
): Promise<{ id: string; name: string; acknowledgements: number }> {
  refuseBundled(id, 'deleted');
  const outcome = await deleteReviewRow({ id, actor }, db);
  if (outcome.status === 'not-found') throw reviewNotFound(id);
  if (outcome.status === 'has-sessions') {
    const count = outcome.sessions === 1 ? 'an audit session' : `${outcome.sessions} audit sessions`;
    throw new AppError('conflict:state', `This review has ${count}; their verdicts and sign-offs are the audit record, so it is kept.`);
  }
  return { id, name: outcome.name, acknowledgements: outcome.acknowledgements };
}
