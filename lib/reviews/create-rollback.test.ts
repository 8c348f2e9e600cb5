import { describe, expect, it } from 'vitest';
import { dialects, useMigratedDb } from '../db/test-dialects';
import { getReviewRowById } from '../db/queries/reviews';
import { cfnTaskFiles } from '../../bench/generators/task-corpus';
import { createReviewSchema } from './input';
import { createReview, type CreatePhase } from './create';
import { listStoredReviews } from './service';

const task = (i: number) => ({ kind: 'task', files: Object.entries(cfnTaskFiles(i)).map(([path, text]) => ({ path, text })) });
const buckets = (n: number) =>
  JSON.stringify({ Resources: Object.fromEntries(Array.from({ length: n }, (_, i) => [`B${i}`, { Type: 'AWS::S3::Bucket' }])) });

describe.each(dialects())('creating a review leaves nothing behind when it fails, on $name', (dialect) => {
  const t = useMigratedDb(dialect);
  const create = (body: unknown, onPhase?: (phase: CreatePhase) => void) =>
    createReview({ input: createReviewSchema.parse(body), createdBy: 'tester@test.invalid', onPhase }, t.handle.db);

  it('removes the row when a step after the insert fails, and passes on that step’s error', async () => {
    for (const failingPhase of ['stored', 'parsing', 'analyzing']) {
      const ids: string[] = [];
      const failure = create(task(1), (phase) => {
        if (phase.phase === 'stored') ids.push(phase.review.id);
        if (phase.phase === failingPhase) throw new Error(`failed at ${failingPhase}`);
      });
      await expect(failure).rejects.toThrow(`failed at ${failingPhase}`);
      expect(ids).toHaveLength(1);
      expect(await getReviewRowById({ id: ids[0] }, t.handle.db)).toBeUndefined();
    }
    expect(await listStoredReviews({}, t.handle.db)).toEqual([]);
  });

  it('refuses a template over the resource limit before storing anything', async () => {
    const body = { kind: 'templates', reference: { path: 'a.json', text: buckets(2) }, model: { path: 'b.json', text: buckets(20_000) } };
    await expect(create(body)).rejects.toMatchObject({ status: 422, details: { limit: 'resources', actual: 20_000, max: 5000 } });
    const markdown = { kind: 'markdown', model: { path: 'a.md', text: '```json\n' + buckets(20_000) + '\n```\n' } };
    await expect(create(markdown)).rejects.toMatchObject({ status: 422, details: { limit: 'resources' } });
    expect(await listStoredReviews({}, t.handle.db)).toEqual([]);
  });

  it('refuses a file over the size limit with 422 naming the limit, before storing anything', async () => {
    const big = { kind: 'task', files: [{ path: 'MODEL_RESPONSE.md', text: `# Answer\n${'x'.repeat(4 * 1024 * 1024)}` }] };
    await expect(create(big)).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/^MODEL_RESPONSE\.md: 4 MB, over the 4 MB limit/),
    });
    expect(await listStoredReviews({}, t.handle.db)).toEqual([]);
  });

  it('keeps a review whose creation succeeds, with the unlisted findings of its coverage recorded', async () => {
    const summary = await create(task(3));
    const row = await getReviewRowById({ id: summary.id }, t.handle.db);
    expect(row).toMatchObject({ status: 'analyzed', coverage_failures: 1 });
    expect(row?.coverage_unlisted).toEqual(expect.any(Number));
  });
});
