import { bucketTemplate } from '../bench/generators/scaling-pair';
import { BASE_URL } from '../playwright.config';
import { expect, storageStateOf, test } from './fixtures';

test.use({ storageState: storageStateOf('reviewer') });

test('a review of a 5,000-resource reference is created while /api/health keeps answering', async ({ page, request }) => {
  test.setTimeout(300_000);
  const queue = JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue' } } }, null, 1);
  const files = [
    { path: 'PROMPT.md', text: '# Many buckets\n\nA stack of five thousand buckets.\n' },
    { path: 'metadata.json', text: JSON.stringify({ platform: 'cfn', language: 'json', po_id: 'large-review' }) },
    { path: 'lib/TapStack.json', text: JSON.stringify(bucketTemplate(5000), null, 1) },
    { path: 'MODEL_RESPONSE.md', text: `# Answer\n\n\`\`\`json\n${queue}\n\`\`\`\n` },
  ];
  let settled = false;
  const created = page.request
    .post('/api/reviews', { data: { kind: 'task', files }, headers: { origin: BASE_URL }, timeout: 280_000 })
    .finally(() => (settled = true));
  // A server busy with the review on its event loop would hold every one of these until it is done.
  let answered = 0;
  while (!settled) {
    const health = await request.get('/api/health', { timeout: 280_000 });
    expect(health.status()).toBe(200);
    if (!settled) answered++;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const response = await created;
  expect(response.status(), await response.text()).toBe(201);
  expect(answered).toBeGreaterThan(3);
  const { review } = (await response.json()) as { review: { id: string } };
  await page.goto(`/review/${review.id}`);
  await expect(page.getByTestId('coverage-panel')).toBeVisible({ timeout: 120_000 });
});
