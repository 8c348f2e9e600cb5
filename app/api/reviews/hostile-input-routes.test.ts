import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testRequest } from '@/lib/audit/test-support';
import { getDb } from '@/lib/db/connection';
import { cfnTaskFiles } from '@/bench/generators/task-corpus';
import { idParams, useRouteTestEnv } from '../admin/_test/route-env';
import { planReview } from '@/lib/reviews/plan';
import { listStoredReviews, storePlannedReview } from '@/lib/reviews/service';
import { GET as getReview } from './[id]/route';
import { GET as getFindings } from './[id]/findings/route';
import { GET as getDiff } from './[id]/diff/route';
import { GET as getCoverageOverReviews } from '../coverage/route';
import { POST } from './route';

const env = useRouteTestEnv();
const post = (body: unknown, init: RequestInit = {}) =>
  POST(testRequest('POST', '/api/reviews', { cookie: env.users.reviewer }, body, init));
const buckets = (n: number) =>
  JSON.stringify({ Resources: Object.fromEntries(Array.from({ length: n }, (_, i) => [`B${i}`, { Type: 'AWS::S3::Bucket' }])) });
const markdown = (path: string) => ({
  kind: 'markdown',
  model: { path, text: '```yaml\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n```\n' },
});

describe('POST /api/reviews refuses hostile input with a 4xx that names the field, storing nothing', () => {
  it('refuses NUL bytes, control characters, invalid UTF-8, absolute and traversing paths in file paths and names', async () => {
    const before = (await listStoredReviews()).length;
    const cases: [unknown, RegExp][] = [
      [markdown('answer\u0000.md'), /model\.path: has a control character, a NUL byte or invalid UTF-8/],
      [markdown('ans\nwer.md'), /model\.path: has a control character/],
      [markdown('answer\ufffd.md'), /model\.path: has a control character, a NUL byte or invalid UTF-8/],
      [markdown('/etc/answer.md'), /model\.path: is absolute/],
      [markdown('C:\\answer.md'), /model\.path: is absolute/],
      [markdown('lib/../../answer.md'), /model\.path: leaves the task folder/],
      [{ kind: 'task', files: [{ path: 'lib/\u0000x.ts', text: 'x' }] }, /files\.0\.path: has a control character/],
      [{ kind: 'task', files: [{ path: '..\\PROMPT.md', text: 'x' }] }, /files\.0\.path: leaves the task folder/],
      [{ ...markdown('a.md'), name: 'bad\u0000name' }, /name: has a control character/],
    ];
    for (const [body, message] of cases) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.message).toMatch(message);
    }
    expect((await listStoredReviews()).length).toBe(before);
  });

  it('refuses a body that is not UTF-8 with 400', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"kind":"markdown","model":{"path":"a.md","text":"'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"}}'),
    ]);
    const signedIn = testRequest('POST', '/api/reviews', { cookie: env.users.reviewer }, '{}');
    const response = await POST(new Request(signedIn, { body: bytes }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe('The request body is not valid UTF-8');
  });

  it('refuses a 20,000-resource template with 422 naming the limit and the count, and a 20 MB body with 413', async () => {
    const before = (await listStoredReviews()).length;
    const big = await post({
      kind: 'templates',
      reference: { path: 'a.json', text: buckets(1) },
      model: { path: 'b.json', text: buckets(20_000) },
    });
    expect(big.status).toBe(422);
    const { error } = await big.json();
    expect(error).toMatchObject({
      code: 'unprocessable:template',
      message: 'b.json: 20000 resources, over the limit of 5000 per template (INFRA_REVIEW_MAX_RESOURCES)',
      details: { limit: 'resources', max: 5000, actual: 20_000, variable: 'INFRA_REVIEW_MAX_RESOURCES' },
    });
    const streamRequest = testRequest(
      'POST',
      '/api/reviews',
      { cookie: env.users.reviewer },
      {
        kind: 'templates',
        reference: { path: 'a.json', text: buckets(1) },
        model: { path: 'b.json', text: buckets(20_000) },
      },
    );
    streamRequest.headers.set('accept', 'application/x-ndjson');
    const streamed = await POST(streamRequest);
    expect(streamed.status).toBe(422);
    expect(streamed.headers.get('content-type')).toContain('application/json');
    const huge = await post({ kind: 'markdown', model: { path: 'a.md', text: 'x'.repeat(20 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.message).toBe('The request body exceeds 8 MB');
    expect((await listStoredReviews()).length).toBe(before);
  });
});

describe('a stored review written before paths were checked', () => {
  it('still answers (200 or a 4xx), never a 500, for its review, findings and diff', async () => {
    const files = Object.entries(cfnTaskFiles(6)).map(([path, text]) => ({ path, text }));
    files.push({ path: 'lib/evil\u0000name.ts', text: 'export const x = 1;\n' });
    const plan = planReview({ kind: 'task', files });
    const { id } = await storePlannedReview({ plan, createdBy: 'legacy@test.invalid' });
    for (const path of [`/api/reviews/${id}`, `/api/reviews/${id}/findings`, `/api/reviews/${id}/diff`]) {
      const route = path.endsWith('findings') ? getFindings : path.endsWith('diff') ? getDiff : getReview;
      const response = await route(testRequest('GET', path, { cookie: env.users.viewer }), idParams(id));
      expect(response.status, path).toBeLessThan(500);
    }
  });
});

describe('GET /api/coverage', () => {
  it('serves each stored review’s coverage as its analysis recorded it, without analysing it again', async () => {
    const files = Object.entries(cfnTaskFiles(5)).map(([path, text]) => ({ path, text }));
    const { review } = await (await post({ kind: 'task', files })).json();
    const read = async () =>
      (await (await getCoverageOverReviews(testRequest('GET', '/api/coverage', { cookie: env.users.viewer }))).json()) as {
        total: Record<string, number>;
        reviews: { id: string; numbers: Record<string, number> }[];
      };
    const first = (await read()).reviews.find((r) => r.id === review.id);
    expect(first?.numbers).toMatchObject({ failures: 1, found: review.coverage.found, coverage: review.coverage.ratio });
    // Numbers that no analysis of this review could produce: served as stored, so nothing recomputed them.
    await sql`update reviews set coverage_found = 7, coverage_failures = 9, coverage_ratio = 0.5, coverage_unlisted = 11 where id = ${review.id}`.execute(
      getDb().db,
    );
    const { total, reviews } = await read();
    expect(reviews[0].id).toBe('bundled');
    expect(reviews.find((r) => r.id === review.id)?.numbers).toEqual({ failures: 9, found: 7, missed: 2, unlisted: 11, coverage: 0.5 });
    const sum = (key: string) => reviews.reduce((n, r) => n + r.numbers[key], 0);
    expect(total).toMatchObject({
      reviews: reviews.length,
      failures: sum('failures'),
      found: sum('found'),
      missed: sum('missed'),
      unlisted: sum('unlisted'),
    });
  });
});
