import { describe, expect, it } from 'vitest';
import { cfnTaskFiles, templateVariant } from '../../bench/generators/task-corpus';
import { listAuditLog } from '../db/queries/audit-log';
import { createSession } from '../db/queries/sessions';
import { dialects, useMigratedDb } from '../db/test-dialects';
import { createAcknowledgement, listAcknowledgementsByReview } from './acknowledgements/store';
import { createReviewSchema } from './input';
import { deleteReview, renameReview } from './manage';
import { createReview } from './create';
import { countStoredReviews, getStoredReviewSummary, listStoredReviews } from './service';

const actor = { id: 'u-reviewer', label: 'reviewer@test.invalid' };
const files = (i: number, extra: Record<string, string> = {}) =>
  Object.entries({ ...cfnTaskFiles(i), ...extra }).map(([path, text]) => ({ path, text }));

describe.each(dialects())('listing, renaming and deleting stored reviews on $name', (dialect) => {
  const t = useMigratedDb(dialect);
  const create = (body: unknown) => createReview({ input: createReviewSchema.parse(body), createdBy: 'tester@test.invalid' }, t.handle.db);

  it('records coverage against MODEL_FAILURES.md at analysis, and none without a human review', async () => {
    const withHuman = await create({ kind: 'task', name: 'b task', files: files(1) });
    expect(withHuman.coverage).toMatchObject({ failures: 1 });
    expect(withHuman.coverage!.ratio).toBe(withHuman.coverage!.found / withHuman.coverage!.failures);
    const without = await create({
      kind: 'templates',
      name: 'A templates',
      reference: { path: 'r.yaml', text: templateVariant(2, { fixed: true }) },
      model: { path: 'm.yaml', text: templateVariant(2) },
    });
    expect(without.coverage).toBeNull();
  });

  it('sorts by name, findings and coverage in both directions, and pages with a total', async () => {
    await create({
      kind: 'task',
      name: 'c task',
      files: files(3, { 'MODEL_FAILURES.md': '# Model failures\n\n## Security\n\n1. x.\n2. y.\n3. z.\n' }),
    });
    const names = (await listStoredReviews({ sort: 'name', order: 'asc' }, t.handle.db)).map((r) => r.name);
    expect(names).toEqual(['A templates', 'b task', 'c task']);
    expect((await listStoredReviews({ sort: 'name', order: 'desc' }, t.handle.db)).map((r) => r.name)).toEqual([...names].reverse());
    const byFindings = (await listStoredReviews({ sort: 'findings', order: 'desc' }, t.handle.db)).map(
      (r) => r.counts.error + r.counts.warning + r.counts.info,
    );
    expect(byFindings).toEqual([...byFindings].sort((a, b) => b - a));
    const byCoverage = await listStoredReviews({ sort: 'coverage', order: 'asc' }, t.handle.db);
    expect(byCoverage.at(-1)!.coverage).toBeNull();
    expect(byCoverage.slice(0, 2).map((r) => r.coverage!.ratio)).toEqual(
      byCoverage
        .slice(0, 2)
        .map((r) => r.coverage!.ratio)
        .sort(),
    );
    const page2 = await listStoredReviews({ sort: 'name', limit: 2, offset: 2 }, t.handle.db);
    expect(page2.map((r) => r.name)).toEqual(['c task']);
    expect(await listStoredReviews({ sort: 'name', offset: 1 }, t.handle.db)).toHaveLength(2);
    expect(await countStoredReviews({}, t.handle.db)).toBe(3);
    expect(await countStoredReviews({ kind: 'task' }, t.handle.db)).toBe(2);
  });

  it('renames a review with an audit entry, and refuses an empty name, the bundled review and unknown ids', async () => {
    const [review] = await listStoredReviews({ sort: 'name', order: 'asc' }, t.handle.db);
    await expect(renameReview({ id: review.id, body: { name: '  Renamed  ' }, actor }, t.handle.db)).resolves.toEqual({
      id: review.id,
      name: 'Renamed',
    });
    expect((await getStoredReviewSummary({ id: review.id }, t.handle.db)).name).toBe('Renamed');
    const { entries } = await listAuditLog({ entityType: 'review', entityId: review.id, limit: 5 }, t.handle.db);
    expect(entries[0]).toMatchObject({ action: 'review.rename', before: { name: 'A templates' }, after: { name: 'Renamed' } });
    await expect(renameReview({ id: review.id, body: { name: ' ' }, actor }, t.handle.db)).rejects.toThrow(/name is required/);
    await expect(renameReview({ id: 'bundled', body: { name: 'x' }, actor }, t.handle.db)).rejects.toMatchObject({
      code: 'conflict:state',
    });
    await expect(renameReview({ id: 'r-000000000000', body: { name: 'x' }, actor }, t.handle.db)).rejects.toMatchObject({
      code: 'not_found:review',
    });
  });

  it('deletes a review with its acknowledgements (audited) and keeps one that has audit sessions', async () => {
    const reviews = await listStoredReviews({ sort: 'name', order: 'asc' }, t.handle.db);
    const [first, second] = [reviews.find((r) => r.name === 'Renamed')!, reviews.find((r) => r.name === 'b task')!];
    await createAcknowledgement({ reviewId: first.id, input: { rule: '*', resource: 'Role', reason: 'known' }, actor }, t.handle.db);
    await expect(deleteReview({ id: first.id, actor }, t.handle.db)).resolves.toMatchObject({ id: first.id, acknowledgements: 1 });
    await expect(getStoredReviewSummary({ id: first.id }, t.handle.db)).rejects.toMatchObject({ code: 'not_found:review' });
    expect(await listAcknowledgementsByReview({ reviewId: first.id }, t.handle.db)).toEqual([]);
    const { entries } = await listAuditLog({ entityType: 'review', entityId: first.id, limit: 5 }, t.handle.db);
    expect(entries[0]).toMatchObject({ action: 'review.delete', before: { name: 'Renamed', acknowledgements: 1 } });

    await createSession({ reviewId: second.id, name: 's', referenceHash: 'r', modelHash: 'm', requiredSignoffs: 1, actor }, t.handle.db);
    await expect(deleteReview({ id: second.id, actor }, t.handle.db)).rejects.toThrow(/has an audit session/);
    expect((await getStoredReviewSummary({ id: second.id }, t.handle.db)).id).toBe(second.id);
    await expect(deleteReview({ id: 'bundled', actor }, t.handle.db)).rejects.toMatchObject({ code: 'conflict:state' });
  });
});
