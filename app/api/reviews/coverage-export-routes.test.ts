import { describe, expect, it } from 'vitest';
import { testRequest } from '@/lib/audit/test-support';
import { idParams, useRouteTestEnv } from '../admin/_test/route-env';
import { cfnTaskFiles } from '@/bench/generators/task-corpus';
import { GET as getCoverageOverReviews } from '../coverage/route';
import { GET as getCoverage } from './[id]/coverage/route';
import { GET as getExport } from './[id]/export/route';
import { POST } from './route';

const env = useRouteTestEnv();

describe('GET /api/reviews/{id}/coverage', () => {
  it("serves the bundled review's coverage against the seed to a viewer: all 14 failures found", async () => {
    const response = await getCoverage(
      testRequest('GET', '/api/reviews/bundled/coverage', { cookie: env.users.viewer }),
      idParams('bundled'),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      reviewId: 'bundled',
      humanReview: 'infra/model/MODEL_FAILURES.md',
      numbers: { failures: 14, found: 14, missed: 0, coverage: 1 },
    });
    expect(body.result.found[0].failure).toMatchObject({ id: 'syntax-1', category: 'syntax', title: 'Outdated AWS CDK Imports' });
    expect(new Set(body.result.found[0].findings.map((f: { rule: string }) => f.rule))).toEqual(new Set(['cdk-v1-imports']));
    expect(body.numbers.unlisted).toBe(body.result.unlisted.length);
  });

  it("reads a stored review's MODEL_FAILURES.md", async () => {
    const files = Object.entries(cfnTaskFiles(3)).map(([path, text]) => ({ path, text }));
    const created = await POST(testRequest('POST', '/api/reviews', { cookie: env.users.reviewer }, { kind: 'task', files }));
    const { review } = await created.json();
    const body = await (
      await getCoverage(testRequest('GET', `/api/reviews/${review.id}/coverage`, { bearer: env.users.viewer }), idParams(review.id))
    ).json();
    expect(body.humanReview).toBe('MODEL_FAILURES.md');
    expect(body.failures.map((f: { id: string }) => f.id)).toEqual(['security-1']);
    expect(body.numbers.failures).toBe(1);
  });

  it('sums coverage over every review with a human review (GET /api/coverage)', async () => {
    const response = await getCoverageOverReviews(testRequest('GET', '/api/coverage', { cookie: env.users.viewer }));
    expect(response.status).toBe(200);
    const { total, reviews } = await response.json();
    expect(reviews.map((r: { id: string }) => r.id)).toContain('bundled');
    expect(reviews.length).toBeGreaterThanOrEqual(2);
    const sum = (key: string) => reviews.reduce((n: number, r: { numbers: Record<string, number> }) => n + r.numbers[key], 0);
    expect(total).toMatchObject({ reviews: reviews.length, failures: sum('failures'), found: sum('found'), missed: sum('missed') });
    expect(total.coverage).toBeCloseTo(sum('found') / sum('failures'));
    expect((await getCoverageOverReviews(testRequest('GET', '/api/coverage', 'anonymous'))).status).toBe(401);
  });

  it('is 401 anonymous and 404 for an unknown review', async () => {
    expect((await getCoverage(testRequest('GET', '/api/reviews/bundled/coverage', 'anonymous'), idParams('bundled'))).status).toBe(401);
    expect(
      (await getCoverage(testRequest('GET', '/api/reviews/nope/coverage', { cookie: env.users.viewer }), idParams('nope'))).status,
    ).toBe(404);
  });
});

describe('GET /api/reviews/{id}/export', () => {
  const download = (format: string, id = 'bundled') =>
    getExport(testRequest('GET', `/api/reviews/${id}/export?format=${format}`, { cookie: env.users.viewer }), idParams(id));

  it('downloads SARIF and JUnit as attachments', async () => {
    const sarif = await download('sarif');
    expect(sarif.status).toBe(200);
    expect(sarif.headers.get('content-type')).toBe('application/sarif+json');
    expect(sarif.headers.get('content-disposition')).toBe('attachment; filename="infra-review-bundled.sarif"');
    expect((await sarif.json()).version).toBe('2.1.0');
    const junit = await download('junit');
    expect(junit.headers.get('content-disposition')).toBe('attachment; filename="infra-review-bundled.junit.xml"');
    expect(await junit.text()).toContain('<testsuite name="observability"');
    expect(await (await download('md')).text()).toContain('## 1. Syntax Issues');
    expect((await (await download('json')).json()).id).toBe('bundled');
  });

  it('is 400 for an unknown format, 401 anonymous, 404 for an unknown review', async () => {
    expect((await download('html')).status).toBe(400);
    expect((await download('')).status).toBe(400);
    expect((await getExport(testRequest('GET', '/api/reviews/bundled/export?format=sarif', 'anonymous'), idParams('bundled'))).status).toBe(
      401,
    );
    expect((await download('sarif', 'nope')).status).toBe(404);
  });
});
