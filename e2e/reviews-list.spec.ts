import type { Page } from '@playwright/test';
import { cfnTaskFiles, templateVariant } from '../bench/generators/task-corpus';
import { BASE_URL } from '../playwright.config';
import { expect, storageStateOf, test } from './fixtures';

const PREFIX = `list-${Date.now().toString(36)}`;

/** Creates a template-pair review named `name` through the API (same-origin write as the signed-in reviewer). */
async function createPair(page: Page, name: string, variant: number): Promise<void> {
  const response = await page.request.post('/api/reviews', {
    data: {
      kind: 'templates',
      name,
      reference: { path: 'reference.yaml', text: templateVariant(variant, { fixed: true }) },
      model: { path: 'model.yaml', text: templateVariant(variant) },
    },
    headers: { origin: BASE_URL },
    timeout: 60_000,
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** The text of one cell per listed row. */
function column(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId('review-row').getByTestId(testId).allTextContents();
}

test.describe('the reviews list scales', () => {
  test.use({ storageState: storageStateOf('reviewer') });

  test('pages through more than one page, with page and size in the URL', async ({ page }) => {
    for (let i = 0; i < 27; i++) await createPair(page, `${PREFIX} pair ${String(i).padStart(2, '0')}`, i % 4);
    await page.goto('/reviews?kind=templates&sort=name');
    await expect(page.getByTestId('review-row')).toHaveCount(25, { timeout: 90_000 });
    await expect(page.getByTestId('reviews-page')).toContainText('Page 1 of');
    await page.getByTestId('reviews-next').click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page).toHaveURL(/kind=templates/);
    await expect(page).toHaveURL(/sort=name/);
    await expect(page.getByTestId('reviews-range')).toContainText(/^26–/);
    await page.getByTestId('reviews-size-50').click();
    await expect(page).toHaveURL(/size=50/);
    await expect(page).not.toHaveURL(/page=/);
    expect(await page.getByTestId('review-row').count()).toBeGreaterThanOrEqual(27);
  });

  test('sorts by name, findings and coverage in both directions, keeping filters in the URL', async ({ page }) => {
    const task = await page.request.post('/api/reviews', {
      data: { kind: 'task', files: Object.entries(cfnTaskFiles(71)).map(([path, text]) => ({ path, text })) },
      headers: { origin: BASE_URL },
      timeout: 60_000,
    });
    expect(task.status()).toBe(201);
    await createPair(page, `${PREFIX} without a human review`, 1);
    await page.goto('/reviews');
    await page.getByTestId('reviews-filter-platform').selectOption('cfn');
    await page.getByTestId('reviews-filter-apply').click();
    await expect(page).toHaveURL(/platform=cfn/);

    await page.getByTestId('reviews-sort-name').click();
    await expect(page).toHaveURL(/platform=cfn.*sort=name|sort=name.*platform=cfn/);
    const names = await page.getByTestId('review-link').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    await page.getByTestId('reviews-sort-name').click();
    await expect(page).toHaveURL(/order=desc/);
    const reversed = await page.getByTestId('review-link').allTextContents();
    expect(reversed).toEqual([...reversed].sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase())));
    await expect(page.locator('th[aria-sort="descending"]')).toContainText('Review');

    await page.getByTestId('reviews-sort-findings').click();
    await expect(page).toHaveURL(/sort=findings/);
    const totals = (await column(page, 'review-findings-total')).map(Number);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));

    // Coverage comes from the stored analysis; reviews without a human review sort last in both directions.
    await page.getByTestId('reviews-sort-coverage').click();
    await expect(page).toHaveURL(/sort=coverage/);
    const coverage = await column(page, 'review-coverage');
    expect(coverage[0]).toMatch(/\d+% \(\d+\/\d+\)/);
    expect(coverage.at(-1)).toBe('–');
    await page.getByTestId('reviews-sort-coverage').click();
    await expect(page).toHaveURL(/order=asc/);
    expect((await column(page, 'review-coverage')).at(-1)).toBe('–');
    await expect(page).toHaveURL(/platform=cfn/);
  });

  test('column headers are readable words', async ({ page }) => {
    await page.goto('/reviews');
    const headers = page.getByTestId('reviews-list').locator('thead');
    for (const word of [
      'Review',
      'Coverage',
      'Open findings',
      'By category',
      'Deployment',
      'Observability',
      'Performance',
      'Errors',
      'Warnings',
    ])
      await expect(headers).toContainText(word);
  });
});
