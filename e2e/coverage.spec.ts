import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

test.describe('coverage and exports on the bundled review page', () => {
  test('shows the coverage panel side by side: all 14 seed failures found, the findings the seed does not list', async ({ reviewPage }) => {
    await reviewPage.goto();
    const panel = reviewPage.page.getByTestId('coverage-panel');
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('coverage-ratio')).toHaveText('14 / 14 (100%)');
    await expect(panel.getByTestId('coverage-found').getByTestId('coverage-found-item')).toHaveCount(14);
    await expect(panel.getByTestId('coverage-missed-count')).toHaveText('0');
    const unlisted = Number(await panel.getByTestId('coverage-unlisted-count').textContent());
    expect(unlisted).toBeGreaterThan(0);
    await expect(panel.getByTestId('coverage-unlisted').getByTestId('coverage-unlisted-item')).toHaveCount(unlisted);
  });

  test('downloads SARIF and JUnit from the review page', async ({ reviewPage }) => {
    await reviewPage.goto();
    const [sarif] = await Promise.all([reviewPage.page.waitForEvent('download'), reviewPage.page.getByTestId('export-sarif').click()]);
    expect(sarif.suggestedFilename()).toBe('infra-review-bundled.sarif');
    const log = JSON.parse(await readFile((await sarif.path())!, 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    const [junit] = await Promise.all([reviewPage.page.waitForEvent('download'), reviewPage.page.getByTestId('export-junit').click()]);
    expect(junit.suggestedFilename()).toBe('infra-review-bundled.junit.xml');
    expect(await readFile((await junit.path())!, 'utf8')).toContain('<testsuite name="security"');
  });
});
