import type { APIRequestContext, APIResponse } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { expect, storageStateOf, test } from './fixtures';
import { yamlAliasBomb } from '../lib/limits/alias-bomb';

// Hostile input against the real server: each case must get a clean 4xx (or a correct answer) within its test's
// timeout, store nothing when refused, and leave the server healthy. Signed in as a reviewer, who may create reviews.
test.use({ storageState: storageStateOf('reviewer') });

const SAME_ORIGIN = { origin: BASE_URL };
const QUEUE = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n';

const buckets = (n: number) =>
  JSON.stringify({ Resources: Object.fromEntries(Array.from({ length: n }, (_, i) => [`Bucket${i}`, { Type: 'AWS::S3::Bucket' }])) });
const pair = (model: { path: string; text: string }, extra: object = {}) => ({
  kind: 'templates',
  reference: { path: 'reference.yaml', text: QUEUE },
  model,
  ...extra,
});
const answer = (path: string, text = '```yaml\n' + QUEUE + '```\n') => ({
  kind: 'markdown',
  model: { path, text },
  reference: { path: 'ref.yaml', text: QUEUE },
});
const taskFile = (path: string, text = 'x') => ({ kind: 'task', files: [{ path, text }] });
const yamlTemplate = (value: string) => `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: ${value}\n`;
const blockDeep = (n: number) => `Resources:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} x\n`;

/** Stored reviews and the sessions of `reviewId`, as the API counts them. */
async function stored(request: APIRequestContext, reviewId: string): Promise<{ reviews: number; sessions: number }> {
  const list = await request.get('/api/reviews?limit=1');
  const sessions = await request.get(`/api/reviews/${reviewId}/sessions`);
  expect(list.ok() && sessions.ok()).toBe(true);
  return { reviews: (await list.json()).total, sessions: (await sessions.json()).sessions.length };
}

async function expectHealthy(request: APIRequestContext) {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok' });
}

async function expectRefusal(response: APIResponse, status: number, message: RegExp) {
  expect(response.status()).toBe(status);
  expect(response.headers()['content-type']).toContain('application/json');
  const { error } = await response.json();
  expect(error.message).toMatch(message);
}

/** A request through the API that must be refused: the status and message, nothing stored, the server healthy after. */
interface RefusalCase {
  name: string;
  send: (request: APIRequestContext, reviewId: string) => Promise<APIResponse>;
  status: number;
  message: RegExp;
  /** Time budget of the case, as its test's timeout. */
  budgetMs?: number;
}

const postReview = (data: unknown) => (request: APIRequestContext) => request.post('/api/reviews', { data, headers: SAME_ORIGIN });
// As bytes: Playwright would JSON-encode a string sent as application/json.
const postRaw = (body: string | Buffer, contentType: string) => (request: APIRequestContext) =>
  request.post('/api/reviews', { data: Buffer.from(body), headers: { ...SAME_ORIGIN, 'content-type': contentType } });

const REFUSALS: RefusalCase[] = [
  {
    name: 'a 20 MB body',
    send: postReview(answer('a.md', 'x'.repeat(20 * 1024 * 1024))),
    status: 413,
    message: /exceeds 8 MB/,
    budgetMs: 60_000,
  },
  { name: 'malformed JSON', send: postRaw('{"kind":"templates",', 'application/json'), status: 400, message: /not valid JSON/ },
  { name: 'an empty body', send: postRaw('', 'application/json'), status: 400, message: /Invalid request/ },
  { name: 'a text/plain body', send: postRaw('review this please', 'text/plain'), status: 400, message: /not valid JSON/ },
  {
    name: 'a form-encoded body',
    send: postRaw('kind=task&files=x', 'application/x-www-form-urlencoded'),
    status: 400,
    message: /not valid JSON/,
  },
  {
    name: 'a body that is not UTF-8',
    send: postRaw(
      Buffer.concat([
        Buffer.from('{"kind":"markdown","model":{"path":"a.md","text":"'),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('"}}'),
      ]),
      'application/json',
    ),
    status: 400,
    message: /not valid UTF-8/,
  },
  {
    name: 'a 100,000-deep JSON body',
    send: postRaw('['.repeat(100_000) + ']'.repeat(100_000), 'application/json'),
    status: 400,
    message: /Invalid request/,
  },
  { name: 'an unknown kind', send: postReview({ kind: 'tarball', files: [] }), status: 400, message: /kind/ },
  {
    name: 'a 20,000-resource template',
    send: postReview(pair({ path: 'model.json', text: buckets(20_000) })),
    status: 422,
    message: /model\.json: 20000 resources, over the limit of 5000 per template \(INFRA_REVIEW_MAX_RESOURCES\)/,
    budgetMs: 60_000,
  },
  {
    name: 'a 20,000-resource template in a markdown answer',
    send: postReview(answer('answer.md', '```json\n' + buckets(20_000) + '\n```\n')),
    status: 422,
    message: /20000 resources, over the limit of 5000/,
    budgetMs: 60_000,
  },
  {
    name: 'a 20,000-resource template in a task folder',
    send: postReview({
      kind: 'task',
      files: [
        { path: 'metadata.json', text: '{"platform":"cfn","language":"json"}' },
        { path: 'lib/TapStack.json', text: buckets(20_000) },
        { path: 'MODEL_RESPONSE.md', text: '```yaml\n' + QUEUE + '```\n' },
      ],
    }),
    status: 422,
    message: /20000 resources, over the limit of 5000/,
    budgetMs: 60_000,
  },
  {
    name: 'a template over the file size limit',
    send: postReview(pair({ path: 'model.json', text: JSON.stringify({ Resources: {}, Padding: 'x'.repeat(4 * 1024 * 1024) }) })),
    status: 422,
    message: /model\.json: 4 MB, over the 4 MB limit of a file \(INFRA_REVIEW_MAX_FILE_BYTES\)/,
    budgetMs: 60_000,
  },
  {
    name: '100,000-deep JSON in a template',
    send: postReview(pair({ path: 'model.json', text: '{"Resources":' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_001) })),
    status: 422,
    message: /nested more than 64 levels deep \(INFRA_REVIEW_MAX_DEPTH\)/,
  },
  {
    name: '100,000-deep YAML flow collections in a template',
    send: postReview(pair({ path: 'model.yaml', text: `Resources: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n` })),
    status: 422,
    message: /nested more than 64 levels deep/,
  },
  {
    name: 'block YAML nested 100 levels',
    send: postReview(pair({ path: 'model.yaml', text: blockDeep(100) })),
    status: 422,
    message: /nested more than 64 levels deep/,
  },
  {
    name: 'a NUL byte in a template path',
    send: postReview(pair({ path: 'model\u0000.yaml', text: QUEUE })),
    status: 400,
    message: /model\.path: has a control character, a NUL byte/,
  },
  {
    name: 'a NUL byte in a task file path',
    send: postReview(taskFile('lib/stack\u0000.ts')),
    status: 400,
    message: /files\.0\.path: has a control character, a NUL byte/,
  },
  {
    name: 'a NUL byte in a review name',
    send: postReview({ ...answer('a.md'), name: 'name\u0000with NUL' }),
    status: 400,
    message: /name: has a control character, a NUL byte/,
  },
  {
    name: 'an escape sequence in a path',
    send: postReview(answer('\u001b[31manswer.md')),
    status: 400,
    message: /model\.path: has a control character/,
  },
  {
    name: 'U+FFFD (invalid UTF-8) in a path',
    send: postReview(answer('answer\ufffd.md')),
    status: 400,
    message: /model\.path: .*invalid UTF-8/,
  },
  {
    name: 'a NUL byte in file text',
    send: postReview(taskFile('MODEL_RESPONSE.md', 'PK\u0003\u0004\u0000')),
    status: 400,
    message: /binary file, not text/,
  },
  {
    name: 'path traversal with ../',
    send: postReview(answer('../../etc/passwd.md')),
    status: 400,
    message: /model\.path: leaves the task folder/,
  },
  {
    name: 'path traversal with ..\\',
    send: postReview(taskFile('lib\\..\\..\\secrets.ts')),
    status: 400,
    message: /files\.0\.path: leaves the task folder/,
  },
  {
    name: 'an absolute path',
    send: postReview(pair({ path: '/etc/model.yaml', text: QUEUE })),
    status: 400,
    message: /model\.path: is absolute/,
  },
  {
    name: 'a Windows drive path',
    send: postReview(pair({ path: 'C:\\model.yaml', text: QUEUE })),
    status: 400,
    message: /model\.path: is absolute/,
  },
  { name: 'an over-long path', send: postReview(answer(`${'a'.repeat(400)}.md`)), status: 400, message: /model\.path/ },
  { name: 'an over-long name', send: postReview({ ...answer('a.md'), name: 'n'.repeat(5000) }), status: 400, message: /name/ },
  {
    name: 'a NUL byte in a new name (rename)',
    send: (request, id) => request.patch(`/api/reviews/${id}`, { data: { name: 'renamed\u0000' }, headers: SAME_ORIGIN }),
    status: 400,
    message: /name: has a control character/,
  },
  {
    name: 'a 20 MB session comment',
    send: async (request, id) =>
      request.post(`/api/reviews/${id}/sessions`, { data: { name: 'x'.repeat(20 * 1024 * 1024) }, headers: SAME_ORIGIN }),
    status: 413,
    message: /exceeds/,
    budgetMs: 60_000,
  },
  {
    name: 'a line comment on a file outside the review (traversal)',
    send: async (request, id) => {
      const { sessions } = await (await request.get(`/api/reviews/${id}/sessions`)).json();
      return request.post(`/api/sessions/${sessions[0].id}/line-comments`, {
        data: { side: 'model', file: '../../../etc/passwd', line: 1, body: 'look' },
        headers: SAME_ORIGIN,
      });
    },
    status: 404,
    message: /has no file \.\.\/\.\.\/\.\.\/etc\/passwd/,
  },
];
let reviewId = '';

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf('reviewer'), baseURL: BASE_URL });
  const created = await context.request.post('/api/reviews', {
    data: pair({ path: 'model.yaml', text: QUEUE }, { name: 'hostile-input target' }),
    headers: SAME_ORIGIN,
    timeout: 110_000,
  });
  expect(created.status()).toBe(201);
  reviewId = (await created.json()).review.id;
  const session = await context.request.post(`/api/reviews/${reviewId}/sessions`, {
    data: { name: 'Hostile input' },
    headers: SAME_ORIGIN,
    timeout: 90_000,
  });
  expect(session.status()).toBe(201);
  await context.close();
});

for (const refusal of REFUSALS) {
  test(`refuses ${refusal.name}: ${refusal.status}, nothing stored, the server healthy`, async ({ request }) => {
    test.setTimeout(refusal.budgetMs ?? 20_000);
    const before = await stored(request, reviewId);
    await expectRefusal(await refusal.send(request, reviewId), refusal.status, refusal.message);
    expect(await stored(request, reviewId)).toEqual(before);
    await expectHealthy(request);
  });
}

/** Creates a review that must be answered (not refused), checks it and deletes it, so the counts stay as they were. */
async function createThenDelete(request: APIRequestContext, data: unknown, check: (review: Record<string, unknown>) => void) {
  const before = await stored(request, reviewId);
  const created = await request.post('/api/reviews', { data, headers: SAME_ORIGIN });
  expect(created.status()).toBe(201);
  const { review } = await created.json();
  check(review);
  expect((await request.delete(`/api/reviews/${review.id}`, { headers: SAME_ORIGIN })).status()).toBe(200);
  expect(await stored(request, reviewId)).toEqual(before);
  await expectHealthy(request);
}

test('answers a billion-laughs YAML alias bomb with a failed review that says why, at once', async ({ request }) => {
  test.setTimeout(20_000);
  await createThenDelete(request, pair({ path: 'model.yaml', text: yamlAliasBomb(12) }), (review) => {
    expect(review.status).toBe('failed');
    expect(review.statusNote).toMatch(/model: model\.yaml: cannot parse YAML: .*alias/i);
  });
});

test('answers !!binary YAML with a failed review that names the tag', async ({ request }) => {
  test.setTimeout(20_000);
  await createThenDelete(request, pair({ path: 'model.yaml', text: yamlTemplate('!!binary aGVsbG8=') }), (review) => {
    expect(review.status).toBe('failed');
    expect(review.statusNote).toMatch(/from a YAML tag such as !!binary/);
  });
});

test('answers block YAML deeper than the parser follows with a failed review, not a crash', async ({ request }) => {
  test.setTimeout(30_000);
  await createThenDelete(request, pair({ path: 'model.yaml', text: blockDeep(1500) }), (review) => {
    expect(review.status).toBe('failed');
    expect(review.statusNote).toMatch(/cannot parse YAML|nested/);
  });
});

test('stores a script tag in a review name and a comment as text, and renders both escaped', async ({ page }) => {
  test.setTimeout(90_000);
  const script = '<script>window.__hostile = 1</script><img src=x onerror="window.__hostile = 2">';
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
  const renamed = await page.request.patch(`/api/reviews/${reviewId}`, { data: { name: `hostile ${script}` }, headers: SAME_ORIGIN });
  expect(renamed.status()).toBe(200);
  const { sessions } = await (await page.request.get(`/api/reviews/${reviewId}/sessions`)).json();
  const view = await (await page.request.get(`/api/sessions/${sessions[0].id}`)).json();
  const key = view.findings[0]?.key as string | undefined;
  if (key) {
    const comment = await page.request.post(`/api/sessions/${sessions[0].id}/findings/${encodeURIComponent(key)}/comments`, {
      data: { body: `look ${script}` },
      headers: SAME_ORIGIN,
    });
    expect(comment.status()).toBe(201);
  }
  await page.goto(`/review/${reviewId}`);
  await expect(page.locator('h1').filter({ hasText: `hostile ${script}` })).toHaveCount(1);
  if (key) {
    await page.goto(`/sessions/${sessions[0].id}`);
    await expect(page.getByTestId('comment').filter({ hasText: 'look <script>' })).toHaveCount(1);
  }
  expect(await page.evaluate(() => (window as unknown as { __hostile?: number }).__hostile)).toBeUndefined();
  expect(await page.locator('script', { hasText: '__hostile' }).count()).toBe(0);
  expect(dialogs).toEqual([]);
  await expectHealthy(page.request);
});

test('answers unknown, NUL and traversing review ids with 404', async ({ request }) => {
  test.setTimeout(20_000);
  for (const id of ['nope', '%00', '..%2F..%2Fetc%2Fpasswd', 'r-%3Cscript%3E']) {
    const response = await request.get(`/api/reviews/${id}`);
    expect(response.status(), id).toBe(404);
    expect((await response.json()).error.code).toBe('not_found:review');
  }
  expect((await request.get('/api/reviews?limit=abc')).status()).toBe(400);
  await expectHealthy(request);
});
