import type { Locator } from '@playwright/test';
import { cfnTaskFiles } from '../bench/generators/task-corpus';
import { BASE_URL } from '../playwright.config';
import { expect, storageStateOf, test } from './fixtures';

/** A task whose model renames the ideal's `Table` to `OrdersTable` (and its table name), so only alignment pairs them. */
function renamedTableTask(i: number): { path: string; text: string }[] {
  const files = cfnTaskFiles(i);
  files['MODEL_RESPONSE.md'] = files['MODEL_RESPONSE.md']
    .replace('\n  Table:\n', '\n  OrdersTable:\n')
    .replace('!Ref Table', '!Ref OrdersTable')
    .replace(`TableName: table-${i}`, `TableName: orders-${i}`);
  return Object.entries(files).map(([path, text]) => ({ path, text }));
}

/** Opens a resource row's `<details>` and returns the row. */
async function expand(row: Locator): Promise<Locator> {
  await row.locator('summary').first().click();
  await expect(row.locator('details').first()).toHaveAttribute('open', '');
  return row;
}

test.describe('the diff of a stored review', () => {
  test.use({ storageState: storageStateOf('reviewer') });

  test('shows a renamed resource as one updated row under both IDs, and nested [~] lines for changed objects', async ({ page }) => {
    const created = await page.request.post('/api/reviews', {
      data: { kind: 'task', files: renamedTableTask(61) },
      headers: { origin: BASE_URL },
      timeout: 60_000,
    });
    expect(created.status(), await created.text()).toBe(201);
    const { review } = (await created.json()) as { review: { id: string } };

    await page.goto(`/review/${review.id}`);
    await page.getByTestId('review-diff-link').click();
    await expect(page).toHaveURL(new RegExp(`/review/${review.id}/diff$`));
    await expect(page.getByTestId('diff-view')).toBeVisible({ timeout: 60_000 });

    const table = page.getByTestId('diff-resource-Table');
    await expect(table).toHaveAttribute('data-change', 'updated');
    await expect(table).toHaveAttribute('data-model-logical-id', 'OrdersTable');
    await expect(page.getByTestId('diff-resource-OrdersTable')).toHaveCount(0);
    await expand(table);
    await expect(table.getByTestId('diff-pairing')).toContainText('OrdersTable');
    await expect(table.locator('[data-testid="diff-property"][data-path="Properties.TableName"]')).toBeVisible();

    const role = await expand(page.getByTestId('diff-resource-Role'));
    const nested = role.getByTestId('diff-nested-line');
    await expect(nested.first()).toBeVisible();
    await expect(role.locator('[data-testid="diff-nested-line"][data-change="updated"]').first()).toContainText('[~]');
  });

  test('an unknown review has no diff page', async ({ page }) => {
    await page.goto('/review/r-000000000000/diff');
    // With a loading boundary the status may already be sent; the not-found page is what shows.
    await expect(page.getByText(/could not be found/i)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('diff-view')).toHaveCount(0);
  });
});

test.describe('the bundled diff page', () => {
  test('pairs the model resources it names otherwise instead of listing them as removed and added', async ({ diffPage }) => {
    await diffPage.goto();
    const table = diffPage.page.getByTestId('diff-resource-DataItems2E91B8E8');
    await expect(table).toHaveAttribute('data-change', 'updated');
    await expect(table).toHaveAttribute('data-model-logical-id', 'MyTable794EDED1');
    await expect(diffPage.page.getByTestId('diff-resource-MyTable794EDED1')).toHaveCount(0);
  });
});
