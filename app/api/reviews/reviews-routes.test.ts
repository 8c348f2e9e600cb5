import { describe, expect, it } from 'vitest';
import { testRequest } from '@/lib/audit/test-support';
import { useRouteTestEnv } from '../admin/_test/route-env';
import { cfnTaskFiles, templateVariant } from '@/bench/generators/task-corpus';
import { listStoredReviews } from '@/lib/reviews/service';
import { GET as getFindings } from './[id]/findings/route';
import { GET, POST } from './route';

const env = useRouteTestEnv();
const task = (i: number) => ({ kind: 'task', files: Object.entries(cfnTaskFiles(i)).map(([path, text]) => ({ path, text })) });
const findingsOf = async (id: string, query = 'side=model') =>
  (
    await (
      await getFindings(testRequest('GET', `/api/reviews/${id}/findings?${query}`, { cookie: env.users.viewer }), {
        params: Promise.resolve({ id }),
      })
    ).json()
  ).findings as { rule: string; side: string }[];

describe('POST /api/reviews', () => {
  it('creates a review from a task folder’s files: 201 with its summary, then served like the bundled review', async () => {
    const response = await POST(testRequest('POST', '/api/reviews', { cookie: env.users.reviewer }, task(7)));
    expect(response.status).toBe(201);
    const { review } = await response.json();
    expect(review).toMatchObject({
      id: expect.stringMatching(/^r-/),
      kind: 'task',
      platform: 'cfn',
      status: 'analyzed',
      createdBy: env.users.reviewer.user.email,
    });
    expect((await findingsOf(review.id)).map((f) => f.rule)).toContain('iam-least-privilege');
    const oneRule = await findingsOf(review.id, 'side=model&rule=iam-least-privilege');
    expect(oneRule.length).toBeGreaterThan(0);
    expect(oneRule.every((f) => f.rule === 'iam-least-privilege' && f.side === 'model')).toBe(true);
  });

  it('creates reviews from a template pair and from a markdown answer (bearer token)', async () => {
    const pair = await POST(
      testRequest(
        'POST',
        '/api/reviews',
        { bearer: env.users.deployer },
        {
          kind: 'templates',
          name: 'pair',
          reference: { path: 'a.yaml', text: templateVariant(1, { fixed: true }) },
          model: { path: 'b.yml', text: templateVariant(1) },
        },
      ),
    );
    expect(pair.status).toBe(201);
    expect((await pair.json()).review).toMatchObject({ name: 'pair', kind: 'templates', language: 'yaml' });
    const md = await POST(
      testRequest(
        'POST',
        '/api/reviews',
        { bearer: env.users.admin },
        {
          kind: 'markdown',
          model: { path: 'answer.md', text: '```yaml\n' + templateVariant(2) + '```\n' },
          reference: { path: 'ideal.json', text: JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } }) },
        },
      ),
    );
    expect(md.status).toBe(201);
    expect((await md.json()).review).toMatchObject({ kind: 'markdown', language: 'json', model: { kind: 'markdown', resourceCount: 3 } });
  });

  it('streams the real phases of the work as NDJSON when asked, ending with the summary named from the prompt’s first real heading', async () => {
    const files = { ...cfnTaskFiles(8), 'PROMPT.md': '---\nid: 8\n---\n\n# Prompt\n\n## Orders table with a reader function\n' };
    const request = testRequest(
      'POST',
      '/api/reviews',
      { cookie: env.users.reviewer },
      {
        kind: 'task',
        files: Object.entries(files).map(([path, text]) => ({ path, text })),
      },
    );
    request.headers.set('accept', 'application/x-ndjson');
    const response = await POST(request);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.phase)).toEqual(['stored', 'parsing', 'analyzing', 'done']);
    expect(lines[0].review).toMatchObject({ status: 'pending', name: 'Orders table with a reader function' });
    expect(lines[3].review).toMatchObject({ id: lines[0].review.id, status: 'analyzed', analyzed: true });
  });

  it('explains binary and empty input in plain words', async () => {
    const binary = await POST(
      testRequest(
        'POST',
        '/api/reviews',
        { cookie: env.users.reviewer },
        { kind: 'task', files: [{ path: 'MODEL_RESPONSE.md', text: 'PK\u0003\u0004\u0000' }] },
      ),
    );
    expect(binary.status).toBe(400);
    expect((await binary.json()).error.message).toMatch(/binary file, not text/);
    const empty = await POST(
      testRequest('POST', '/api/reviews', { cookie: env.users.reviewer }, { kind: 'markdown', model: { path: 'a.md', text: ' \n' } }),
    );
    expect((await empty.json()).error.message).toMatch(/model\.text: is empty/);
    const none = await POST(testRequest('POST', '/api/reviews', { cookie: env.users.reviewer }, { kind: 'task', files: [] }));
    expect((await none.json()).error.message).toMatch(/the folder is empty/);
  });

  it('refuses invalid bodies with 400 and an oversized one with 413, storing nothing', async () => {
    const before = (await listStoredReviews()).length;
    const bad = [
      {},
      { kind: 'nope' },
      { kind: 'templates', reference: { path: 'a.txt', text: '' }, model: { path: 'b.yaml', text: '' } },
      { kind: 'task', files: [] },
      { kind: 'task', files: [{ path: '../etc/passwd', text: 'x' }] },
      { kind: 'task', files: [{ path: 'PROMPT.md', text: 'only a prompt' }] },
      { kind: 'markdown', model: { path: 'a.md', text: 'x' }, extra: 1 },
      '{"kind":',
    ];
    for (const body of bad) {
      const response = await POST(testRequest('POST', '/api/reviews', { cookie: env.users.reviewer }, body));
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.code).toBe('bad_request:input');
    }
    const huge = {
      kind: 'templates',
      reference: { path: 'a.json', text: 'x'.repeat(2_100_000) },
      model: { path: 'b.json', text: 'x'.repeat(2_100_000) },
      name: 'y'.repeat(10),
    };
    expect(
      (await POST(testRequest('POST', '/api/reviews', { cookie: env.users.reviewer }, { ...huge, more: 'z'.repeat(4_500_000) }))).status,
    ).toBe(413);
    expect((await listStoredReviews()).length).toBe(before);
  });

  it('is for reviewers and up: 401 anonymous, 403 for a viewer and for a cross-site cookie write', async () => {
    expect((await POST(testRequest('POST', '/api/reviews', 'anonymous', task(8)))).status).toBe(401);
    expect((await POST(testRequest('POST', '/api/reviews', { cookie: env.users.viewer }, task(8)))).status).toBe(403);
    const crossSite = new Request('http://app.test/api/reviews', {
      method: 'POST',
      headers: { cookie: env.users.reviewer.cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify(task(8)),
    });
    expect((await POST(crossSite)).status).toBe(403);
  });
});

describe('GET /api/reviews', () => {
  const list = async (query = '') => {
    const response = await GET(testRequest('GET', `/api/reviews${query}`, { cookie: env.users.viewer }));
    expect(response.status).toBe(200);
    return (await response.json()).reviews as {
      id: string;
      platform: string;
      status: string;
      kind: string;
      counts: Record<string, number>;
    }[];
  };

  it('lists the bundled review first, then stored ones, keeping the old fields', async () => {
    const reviews = await list();
    expect(reviews[0]).toMatchObject({ id: 'bundled', kind: 'bundled', platform: 'cdk', status: 'analyzed' });
    for (const r of reviews)
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'name', 'generatedAt', 'reference', 'model', 'totals']));
    expect(reviews.length).toBeGreaterThanOrEqual(4);
  }, 120_000);

  it('filters by platform, kind, status, category and severity, and refuses unknown filters with 400', async () => {
    expect((await list('?platform=cfn')).every((r) => r.platform === 'cfn' && r.id !== 'bundled')).toBe(true);
    expect((await list('?kind=templates')).map((r) => r.kind)).toEqual(['templates']);
    expect(await list('?status=failed')).toEqual([]);
    const security = await list('?category=security&severity=error');
    expect(security.length).toBeGreaterThan(0);
    expect(security.every((r) => r.counts.security > 0 && r.counts.error > 0)).toBe(true);
    for (const query of ['?category=style', '?severity=fatal', '?status=done', '?limit=0', '?color=red']) {
      expect((await GET(testRequest('GET', `/api/reviews${query}`, { cookie: env.users.viewer }))).status, query).toBe(400);
    }
  });
});
