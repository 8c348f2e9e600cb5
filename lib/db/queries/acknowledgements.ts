import type { Kysely } from 'kysely';
import { getDb } from '../connection';
import type { AcknowledgementRow, Database } from '../schema';
import { appendAuditLog } from './audit-log';
import { inTransaction, type Actor } from './shared';

/** Every acknowledgement row of a review (expired ones included), oldest first. */
export function listAcknowledgementRowsByReview(
  { reviewId }: { reviewId: string },
  db: Kysely<Database> = getDb().db,
): Promise<AcknowledgementRow[]> {
  return db.selectFrom('acknowledgements').selectAll().where('review_id', '=', reviewId).orderBy('created_at').orderBy('id').execute();
}

/** Stores an acknowledgement row and its audit entry in one transaction. */
export async function insertAcknowledgementRow(
  { row, actor }: { row: AcknowledgementRow; actor: Actor },
  db: Kysely<Database> = getDb().db,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.insertInto('acknowledgements').values(row).execute();
    await appendAuditLog(
      {
        actor,
        action: 'acknowledgement.create',
        entityType: 'acknowledgement',
        entityId: row.id,
        before: null,
        after: row,
      },
      trx,
    );
  });
}

/** Deletes one acknowledgement of a review with its audit entry in one transaction; the deleted row, or undefined when there was none. */
export function deleteAcknowledgementRow(
  { reviewId, ackId, actor }: { reviewId: string; ackId: string; actor: Actor },
  db: Kysely<Database> = getDb().db,
): Promise<AcknowledgementRow | undefined> {
  return inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom('acknowledgements')
      .selectAll()
      .where('id', '=', ackId)
      .where('review_id', '=', reviewId)
      .executeTakeFirst();
    if (!before) return undefined;
    await trx.deleteFrom('acknowledgements').where('id', '=', ackId).execute();
    await appendAuditLog(
      {
        actor,
        action: 'acknowledgement.delete',
        entityType: 'acknowledgement',
        entityId: ackId,
        before,
        after: null,
      },
      trx,
    );
    return before;
  });
}
