import { bucketTemplate } from '../bench/generators/scaling-pair';
import { BASE_URL } from '../playwright.config';
import { expect, storageStateOf, test } from './fixtures';

test.use({ storageState: storageStateOf('reviewer') });

// 1,000 resources: past the review thread's threshold (lib/pipeline/review-thread.ts), small enough for the linters to take
// seconds; lib/pipeline/review-thread.test.ts holds the 5,000-resource pair to the event loop.
test('a review of a 1,000-resource reference is created in the review thread while /api/health keeps answering', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const queue = JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue' } } }, null, 1);
  const files = [
    { path: 'PROMPT.md', text: '# Many buckets\n\nA stack of a thousand buckets.\n' },
    { path: 'metadata.json', text: JSON.stringify({ platform: 'cfn', language: 'json', po_id: 'large-review' }) },
    { path: 'lib/TapStack.json', text: JSON.stringify(bucketTemplate(1000), null, 1) },
    { path: 'MODEL_RESPONSE.md', text: `# Answer\n\n\`\`\`json\n${queue}\n\`\`\`\n` },
  ];
  let settled = false;
  const created = page.request
    .post('/api/reviews', { data: { kind: 'task', files }, headers: { origin: BASE_URL }, timeout: 200_000 })
    .finally(() => (settled = true));
  // A server busy with the review on its event loop would hold every one of these until it is done.
  let answered = 0;
  while (!settled) {
    const health = await request.get('/api/health', { timeout: 200_000 });
    expect(health.status()).toBe(200);
    if (!settled) answered++;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const response = await created;
  expect(response.status(), await response.text()).toBe(201);
  expect(answered).toBeGreaterThan(3);
  const { review } = (await response.json()) as { review: { id: string } };
  const diff = await page.request.get(`/api/reviews/${review.id}/diff`, { timeout: 200_000 });
  expect(diff.status()).toBe(200);
  const { diff: body } = (await diff.json()) as { diff: { counts: { removed: number; added: number } } };
  expect(body.counts).toMatchObject({ removed: 1000, added: 1 });
});
