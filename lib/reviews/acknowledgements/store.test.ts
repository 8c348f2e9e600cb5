import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { listAuditLog } from '../../db/queries/audit-log';
import { dialects, useMigratedDb } from '../../db/test-dialects';
import { user } from '../../db/test-fixtures';
import { applyAcknowledgements } from './apply';
import { acknowledgementInputSchema } from './input';
import { createAcknowledgement, deleteAcknowledgement, listAcknowledgementsByReview, toReviewAcknowledgement } from './store';
import type { Finding } from '../../rules/finding';

const alice = user('alice');
const bucketFinding: Finding = {
  rule: 'AwsSolutions-S10',
  category: 'security',
  severity: 'error',
  title: 'S10',
  message: 'no SSL',
  resources: ['Bucket'],
  source: 'cdk-nag',
};

describe.each(dialects())('review acknowledgements on $name', (dialect) => {
  const t = useMigratedDb(dialect);
  const input = (body: unknown) => acknowledgementInputSchema.parse(body);

  it('stores per rule and per resource with reason, author and expiry, audits each change, and applies them', async () => {
    const reviewId = `r-${dialect.name}-1`;
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const perRule = await createAcknowledgement(
      { reviewId, input: input({ rule: 'AwsSolutions-S10', reason: 'SSL terminates at the CDN', expiresAt: future }), actor: alice },
      t.handle.db,
    );
    const perResource = await createAcknowledgement(
      { reviewId, input: input({ resource: 'Bucket', reason: 'scratch bucket' }), actor: alice },
      t.handle.db,
    );
    expect(perRule).toMatchObject({
      reviewId,
      rule: 'AwsSolutions-S10',
      resource: '*',
      author: alice.label,
      authorId: alice.id,
      expiresAt: future,
      expired: false,
    });
    expect(perResource).toMatchObject({ rule: '*', resource: 'Bucket', expiresAt: null });

    const listed = await listAcknowledgementsByReview({ reviewId }, t.handle.db);
    expect(listed.map((a) => a.id)).toEqual([perRule.id, perResource.id]);
    expect(await listAcknowledgementsByReview({ reviewId: 'other' }, t.handle.db)).toEqual([]);

    const [applied] = applyAcknowledgements([bucketFinding], listed);
    expect(applied.acknowledged).toEqual({
      reason: 'SSL terminates at the CDN',
      author: alice.label,
      ackId: perRule.id,
      expiresAt: future,
    });

    const { entries } = await listAuditLog({ action: 'acknowledgement.create', entityId: perRule.id, limit: 5 }, t.handle.db);
    expect(entries).toHaveLength(1);
    expect(entries[0].after).toMatchObject({ reason: 'SSL terminates at the CDN', review_id: reviewId });
  });

  it('reports an expired acknowledgement as expired and does not apply it', async () => {
    const reviewId = `r-${dialect.name}-2`;
    const soon = new Date(Date.now() + 60_000).toISOString();
    const ack = await createAcknowledgement(
      {
        reviewId,
        input: input({ rule: 'AwsSolutions-S10', resource: 'Bucket', reason: 'until the migration', expiresAt: soon }),
        actor: alice,
      },
      t.handle.db,
    );
    const later = new Date(Date.now() + 120_000);
    const [applied] = applyAcknowledgements([bucketFinding], await listAcknowledgementsByReview({ reviewId }, t.handle.db), later);
    expect(applied.acknowledged).toBeUndefined();
    expect(applied.expiredAcknowledgements).toEqual([
      { reason: 'until the migration', author: alice.label, expiresAt: soon, ackId: ack.id },
    ]);
    const row = await t.handle.db.selectFrom('acknowledgements').selectAll().where('id', '=', ack.id).executeTakeFirstOrThrow();
    expect([toReviewAcknowledgement(row).expired, toReviewAcknowledgement(row, later).expired]).toEqual([false, true]);
  });

  it('refuses an expiry in the past and writes nothing', async () => {
    const reviewId = `r-${dialect.name}-3`;
    const past = new Date(Date.now() - 1000).toISOString();
    await expect(
      createAcknowledgement({ reviewId, input: input({ rule: 'x', reason: 'r', expiresAt: past }), actor: alice }, t.handle.db),
    ).rejects.toThrow(AppError);
    expect(await listAcknowledgementsByReview({ reviewId }, t.handle.db)).toEqual([]);
  });

  it('deletes an acknowledgement of its review only, with an audit entry', async () => {
    const reviewId = `r-${dialect.name}-4`;
    const ack = await createAcknowledgement({ reviewId, input: input({ rule: 'x', reason: 'r' }), actor: alice }, t.handle.db);
    await expect(deleteAcknowledgement({ reviewId: 'another', ackId: ack.id, actor: alice }, t.handle.db)).rejects.toMatchObject({
      status: 404,
    });
    expect(await deleteAcknowledgement({ reviewId, ackId: ack.id, actor: alice }, t.handle.db)).toMatchObject({ id: ack.id });
    expect(await listAcknowledgementsByReview({ reviewId }, t.handle.db)).toEqual([]);
    const { entries } = await listAuditLog({ action: 'acknowledgement.delete', entityId: ack.id, limit: 5 }, t.handle.db);
    expect(entries.map((e) => [(e.before as { id: string }).id, e.after])).toEqual([[ack.id, null]]);
  });
});
