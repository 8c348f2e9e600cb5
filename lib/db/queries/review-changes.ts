import type { Kysely } from 'kysely';
import { getDb } from '../connection';
import type { Database } from '../schema';
import { appendAuditLog } from './audit-log';
import { inTransaction, type Actor } from './shared';

/** Renames a stored review with its audit entry in one transaction; the name before, or undefined when there is no such review. */
export function renameReviewRow(
  { id, name, actor }: { id: string; name: string; actor: Actor },
  db: Kysely<Database> = getDb().db,
): Promise<string | undefined> {
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('reviews').select('name').where('id', '=', id).executeTakeFirst();
    if (!before) return undefined;
    await trx.updateTable('reviews').set({ name }).where('id', '=', id).execute();
    await appendAuditLog(
      { actor, action: 'review.rename', entityType: 'review', entityId: id, before: { name: before.name }, after: { name } },
      trx,
    );
    return before.name;
  });
}

/** What deleting a review found: no review, audit sessions that keep it, or the deleted review's name and removed acknowledgements. */
export type ReviewDeletion =
  { status: 'not-found' } | { status: 'has-sessions'; sessions: number } | { status: 'deleted'; name: string; acknowledgements: number };

/**
 * Deletes a stored review and its acknowledgements with an audit entry, in one transaction; a review with audit
 * sessions is kept (their verdicts and sign-offs are the audit record) and nothing is written.
 */
export function deleteReviewRow({ id, actor }: { id: string; actor: Actor }, db: Kysely<Database> = getDb().db): Promise<ReviewDeletion> {
  return inTransaction(db, async (trx): Promise<ReviewDeletion> => {
    const before = await trx
      .selectFrom('reviews')
      .select(['name', 'kind', 'created_by', 'created_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) return { status: 'not-found' };
    const { sessions } = await trx
      .selectFrom('audit_sessions')
      .select((eb) => eb.fn.countAll<string | number>().as('sessions'))
      .where('review_id', '=', id)
      .executeTakeFirstOrThrow();
    if (Number(sessions) > 0) return { status: 'has-sessions', sessions: Number(sessions) };
    const removed = await trx.deleteFrom('acknowledgements').where('review_id', '=', id).executeTakeFirst();
    await trx.deleteFrom('reviews').where('id', '=', id).execute();
    const acknowledgements = Number(removed.numDeletedRows);
    await appendAuditLog(
      { actor, action: 'review.delete', entityType: 'review', entityId: id, before: { ...before, acknowledgements } },
      trx,
    );
    return { status: 'deleted', name: before.name, acknowledgements };
  });
}
