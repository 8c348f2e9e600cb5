import type { Page } from '@playwright/test';
import { cfnTaskFiles } from '../bench/generators/task-corpus';
import { BASE_URL } from '../playwright.config';
import { expect, storageStateOf, test } from './fixtures';

/** Creates a stored review through the API as the signed-in user (same-origin write); its id and name. */
async function createTask(page: Page, files: Record<string, string>): Promise<{ id: string; name: string }> {
  const created = await page.request.post('/api/reviews', {
    data: { kind: 'task', files: Object.entries(files).map(([path, text]) => ({ path, text })) },
    headers: { origin: BASE_URL },
    timeout: 90_000,
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { review: { id: string; name: string } }).review;
}

test.describe('every review is a review', () => {
  test.use({ storageState: storageStateOf('reviewer') });

  test('a stored review has the home page’s composition: sessions, packs, coverage, exports, diff link; a session opens on it and is listed', async ({
    page,
  }) => {
    const review = await createTask(page, cfnTaskFiles(61));
    await page.goto(`/review/${review.id}`);
    await expect(page.getByTestId('total-model')).toBeVisible({ timeout: 90_000 });
    for (const id of ['sessions-panel', 'pack-selector', 'coverage-panel', 'export-sarif', 'review-diff-link'])
      await expect(page.getByTestId(id)).toBeVisible();
    await expect(page.getByTestId('stack-panel')).toHaveCount(0);
    await expect(page.getByTestId('review-diff-link')).toHaveAttribute('href', `/review/${review.id}/diff`);

    await page.getByTestId('start-session-name').fill('Stored review audit');
    await page.getByTestId('start-session-submit').click();
    await expect(page).toHaveURL(/\/sessions\/[^/]+$/, { timeout: 60_000 });
    const sessionId = page.url().split('/').pop()!;
    await page.goto(`/review/${review.id}`);
    const item = page.locator(`[data-testid="session-item"][data-session-id="${sessionId}"]`);
    await expect(item).toContainText('Stored review audit');

    // The bundled review renders the same composition, plus its deployed stack.
    await page.goto('/');
    await expect(page.getByTestId('total-model')).toBeVisible({ timeout: 90_000 });
    for (const id of ['sessions-panel', 'pack-selector', 'coverage-panel', 'export-sarif', 'review-diff-link', 'stack-panel'])
      await expect(page.getByTestId(id)).toBeVisible();
    await expect(page.getByTestId('review-actions')).toHaveCount(0);
  });

  test('unknown reviews and sessions answer HTTP 404; each page has its own title', async ({ page }) => {
    const review = await createTask(page, {
      ...cfnTaskFiles(62),
      'PROMPT.md': '---\nid: 62\n---\n\n# Prompt\n\n## Queue-fed order processor\n',
    });
    expect(review.name).toBe('Queue-fed order processor');
    expect((await page.goto('/review/r-000000000000'))?.status()).toBe(404);
    await expect(page).toHaveTitle(/could not be found/);
    expect((await page.goto('/sessions/no-such-session'))?.status()).toBe(404);
    expect((await page.goto(`/review/${review.id}`))?.status()).toBe(200);
    await expect(page).toHaveTitle('Queue-fed order processor · infra-review');
    await page.goto('/reviews');
    await expect(page).toHaveTitle('Reviews · infra-review');
  });

  test('a reviewer renames a review and deletes it; a review with an audit session is kept, with the reason', async ({ page }) => {
    const review = await createTask(page, cfnTaskFiles(63));
    await page.goto(`/review/${review.id}`);
    await page.getByTestId('review-rename').click();
    await page.getByTestId('review-rename-name').fill('  ');
    await page.getByTestId('review-rename-save').click();
    await expect(page.getByTestId('review-actions-error')).toContainText('a name is required');
    await expect(page.getByTestId('review-rename-name')).toHaveAttribute('aria-invalid', 'true');
    await page.getByTestId('review-rename-name').fill('Renamed in the browser');
    await page.getByTestId('review-rename-save').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Renamed in the browser', { timeout: 60_000 });
    await expect(page).toHaveTitle('Renamed in the browser · infra-review');

    await page.getByTestId('review-delete').click();
    await page.getByTestId('review-delete-confirm').click();
    await expect(page).toHaveURL(/\/reviews$/);
    await expect(page.locator(`[data-review-id="${review.id}"]`)).toHaveCount(0);
    expect((await page.goto(`/review/${review.id}`))?.status()).toBe(404);

    const audited = await createTask(page, cfnTaskFiles(64));
    const session = await page.request.post(`/api/reviews/${audited.id}/sessions`, {
      data: { name: 'keeps it' },
      headers: { origin: BASE_URL },
    });
    expect(session.status()).toBe(201);
    await page.goto(`/review/${audited.id}`);
    await page.getByTestId('review-delete').click();
    await page.getByTestId('review-delete-confirm').click();
    await expect(page.getByTestId('review-actions-error')).toContainText('has an audit session');
    expect((await page.goto(`/review/${audited.id}`))?.status()).toBe(200);
  });

  test('a viewer sees no rename or delete', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf('viewer') });
    const page = await context.newPage();
    await page.goto('/reviews');
    const link = page.getByTestId('review-link').nth(1);
    await link.click();
    await expect(page.getByTestId('sessions-panel')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('review-actions')).toHaveCount(0);
    await context.close();
  });
});

test.describe('creating a review, honestly', () => {
  test.use({ storageState: storageStateOf('reviewer') });

  test('shows the real phases of the work and names the review after the prompt’s first real heading', async ({ page }) => {
    await page.goto('/reviews');
    await expect(page.getByTestId('review-create-form')).toBeVisible({ timeout: 90_000 });
    // Every phase the progress shows, recorded as it changes (the work may take well under a second).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { phases: string[] }).phases = seen;
      new MutationObserver(() => {
        const phase = document.querySelector('[data-testid="review-create-progress"]')?.getAttribute('data-phase');
        if (phase && seen.at(-1) !== phase) seen.push(phase);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const files = { ...cfnTaskFiles(65), 'PROMPT.md': '---\ntitle: x\n---\n\n#\n# Task\n\n# Multi-AZ web tier\n' };
    await page
      .getByTestId('review-create-files')
      .setInputFiles(
        Object.entries(files).map(([name, text]) => ({ name: name.split('/').pop()!, mimeType: 'text/plain', buffer: Buffer.from(text) })),
      );
    await page.getByTestId('review-create-submit').click();
    await expect(page.getByTestId('review-create-result')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('review-create-name-result')).toHaveText('Multi-AZ web tier');
    // The progress was on screen while the work ran, and the result lists the phases the server reported, in order.
    expect((await page.evaluate(() => (window as unknown as { phases: string[] }).phases))[0]).toBe('sending');
    await expect(page.getByTestId('review-create-result')).toHaveAttribute('data-phases', 'stored parsing analyzing');
  });

  test('empty and unreadable input get a plain-language error tied to the field', async ({ page }) => {
    await page.goto('/reviews');
    await page.getByTestId('review-create-submit').click();
    const error = page.getByTestId('review-create-error');
    await expect(error).toContainText('No task files');
    await expect(page.getByTestId('review-create-files')).toHaveAttribute('aria-describedby', 'review-create-error');

    await page
      .getByTestId('review-create-files')
      .setInputFiles([
        { name: 'MODEL_RESPONSE.md', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14]) },
      ]);
    await page.getByTestId('review-create-submit').click();
    await expect(error).toContainText('MODEL_RESPONSE.md is a binary file, not text');

    await page.getByTestId('review-create-kind').selectOption('markdown');
    await page.getByTestId('review-create-model-text').fill('   ');
    await page.getByTestId('review-create-submit').click();
    await expect(error).toContainText('No model answer');
    await expect(page.getByTestId('review-create-model-text')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('review-create-model-text')).toHaveAttribute('aria-describedby', 'review-create-error');
  });

  test('a CDK answer whose synthesis fails shows its artifact card as failed with the reason', async ({ page }) => {
    const review = await createTask(page, {
      'metadata.json': JSON.stringify({ platform: 'cdk', language: 'ts' }),
      'lib/tap-stack.ts':
        "import * as cdk from 'aws-cdk-lib';\nimport * as sqs from 'aws-cdk-lib/aws-sqs';\nexport class TapStack extends cdk.Stack {\n  constructor(scope: cdk.App, id: string) {\n    super(scope, id);\n    new sqs.Queue(this, 'Queue');\n  }\n}\n",
      'MODEL_RESPONSE.md':
        "`lib/tap-stack.ts`:\n\n```typescript\nimport * as cdk from '@aws-cdk/core';\nexport class TapStack extends cdk.Stack {}\n```\n",
    });
    await page.goto(`/review/${review.id}`);
    const card = page.getByTestId('artifact-model');
    await expect(card).toBeVisible({ timeout: 90_000 });
    await expect(card).toHaveAttribute('data-status', 'failed');
    await expect(card.getByTestId('artifact-status')).toHaveText('failed');
    await expect(card.getByTestId('artifact-synthesis-failure')).toContainText('Synthesis failed');
    await expect(page.getByTestId('artifact-reference')).toHaveAttribute('data-status', 'ok');
  });
});
