import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { cfnTaskFiles } from '../bench/generators/task-corpus';
import { BASE_URL } from '../playwright.config';
import { expect, storageStateOf, test } from './fixtures';

/** The reviews page (`/reviews`): the list, its filters and the create form. */
class ReviewsPage {
  constructor(readonly page: Page) {}

  /** Opens the page (the bundled review in the list may synthesize the reference first). */
  async goto(query = ''): Promise<void> {
    await this.page.goto(`/reviews${query}`);
    await expect(this.page.getByTestId('reviews-list')).toBeVisible({ timeout: 90_000 });
  }

  /** Every listed review. */
  rows(): Locator {
    return this.page.getByTestId('review-row');
  }

  /** Uploads a task folder's files (the ideal template picked loose, as `TapStack.yml`) and submits. */
  async uploadTask(files: Record<string, string>): Promise<void> {
    const uploads = Object.entries(files).map(([name, text]) => ({
      name: name.split('/').pop()!,
      mimeType: 'text/plain',
      buffer: Buffer.from(text),
    }));
    await this.page.getByTestId('review-create-files').setInputFiles(uploads);
    await this.page.getByTestId('review-create-submit').click();
  }
}

test.describe('reviews as data', () => {
  test.use({ storageState: storageStateOf('reviewer') });

  test('a reviewer uploads a task folder, sees the import result, opens the new review and sees its findings', async ({
    page,
    reviewPage,
  }) => {
    const reviews = new ReviewsPage(page);
    await reviews.goto();
    await expect(reviews.rows().first()).toHaveAttribute('data-review-id', 'bundled');

    await reviews.uploadTask(cfnTaskFiles(42));
    const result = page.getByTestId('review-create-result');
    await expect(result).toBeVisible({ timeout: 60_000 });
    await expect(result).toContainText('Task 42');
    await expect(result).toContainText('analyzed');
    expect(Number(await page.getByTestId('review-create-model-total').textContent())).toBeGreaterThan(0);
    const id = await result.getAttribute('data-review-id');
    expect(id).toMatch(/^r-[0-9a-f]{12}$/);

    // The list (newest first, paged) shows it with its platform and counts.
    const row = page.locator(`[data-testid="review-row"][data-review-id="${id}"]`);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-platform', 'cfn');
    expect(Number(await row.getByTestId('review-count-security').textContent())).toBeGreaterThan(0);

    await page.getByTestId('review-create-open').click();
    await expect(page).toHaveURL(new RegExp(`/review/${id}$`));
    await expect(page.getByTestId('total-model')).toBeVisible({ timeout: 60_000 });
    await expect(reviewPage.findings({ side: 'model', rule: 'iam-least-privilege' }).first()).toBeAttached();
    expect(await reviewPage.count('security', 'model')).toBeGreaterThan(0);
  });

  test('a new review shows coverage against its human review, downloads as SARIF, and with a cdk-nag pack lists every source of a finding', async ({
    page,
    reviewPage,
  }) => {
    const files = Object.entries(cfnTaskFiles(44)).map(([path, text]) => ({ path, text }));
    const created = await page.request.post('/api/reviews', {
      data: { kind: 'task', files },
      headers: { origin: BASE_URL },
      timeout: 60_000,
    });
    expect(created.status(), await created.text()).toBe(201);
    const { review } = (await created.json()) as { review: { id: string } };

    await page.goto(`/review/${review.id}`);
    const coverage = page.getByTestId('coverage-panel');
    await expect(coverage).toBeVisible({ timeout: 60_000 });
    await expect(coverage.getByTestId('coverage-found-item').first()).toContainText('wildcard');
    await expect(page.getByTestId('coverage-ratio')).toHaveText(/\d/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-sarif').click()]);
    const sarif = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as {
      version: string;
      runs: Array<{ results: Array<{ ruleId: string }> }>;
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((r) => r.ruleId)).toContain('iam-least-privilege');

    await page.getByTestId('pack-aws-solutions').check();
    await page.getByTestId('pack-apply').click();
    await expect(page).toHaveURL(/packs=aws-solutions/);
    const finding = await reviewPage.open(reviewPage.findings({ side: 'model', rule: 'iam-least-privilege' }).first());
    await expect(finding.getByTestId('finding-sources')).toContainText('cdk-nag', { timeout: 60_000 });
  });

  test('filters narrow the list by platform, status and category', async ({ page }) => {
    // Its own CloudFormation review, created through the API as the signed-in reviewer (same-origin write).
    const files = Object.entries(cfnTaskFiles(43)).map(([path, text]) => ({ path, text }));
    const created = await page.request.post('/api/reviews', {
      data: { kind: 'task', files },
      headers: { origin: BASE_URL },
      timeout: 60_000,
    });
    expect(created.status(), await created.text()).toBe(201);
    const reviews = new ReviewsPage(page);
    await reviews.goto();
    await page.getByTestId('reviews-filter-platform').selectOption('cfn');
    await page.getByTestId('reviews-filter-category').selectOption('security');
    await page.getByTestId('reviews-filter-apply').click();
    await expect(page).toHaveURL(/platform=cfn/);
    await expect(reviews.rows().first()).toBeVisible();
    for (const platform of await reviews.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-platform'))))
      expect(platform).toBe('cfn');
    await reviews.goto('?status=unsupported&platform=pulumi');
    await expect(reviews.rows()).toHaveCount(0);
  });
});

test.describe('reviews page as a viewer', () => {
  test('lists reviews without the create form', async ({ page }) => {
    const reviews = new ReviewsPage(page);
    await reviews.goto();
    await expect(reviews.rows().first()).toBeVisible();
    await expect(page.getByTestId('review-create-form')).toHaveCount(0);
  });
});
