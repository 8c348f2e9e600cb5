import type { DeployedView } from '../lib/stack/types';
import { expect, test } from './fixtures';

// The deployed-stack panel beside the review, against the e2e server's CloudFormation (moto, a stack name of this run).
// Earlier specs may have deployed that stack or not: each check holds in either state.

test.describe('the deployed stack panel', () => {
  test('shows the target the API reports, and the stack status or that it is not deployed', async ({ reviewPage }) => {
    const response = await reviewPage.page.request.get('/api/stack', { timeout: 90_000 });
    expect(response.ok(), `GET /api/stack: ${response.status()}`).toBe(true);
    const view = (await response.json()) as DeployedView;
    if (process.env.E2E_STACK_NAME) expect(view.target.stackName).toBe(process.env.E2E_STACK_NAME);

    await reviewPage.goto();
    const panel = reviewPage.page.getByTestId('stack-panel');
    await expect(panel).toBeVisible();
    const target = panel.getByTestId('stack-target');
    await expect(target.getByTestId('stack-name')).toHaveText(view.target.stackName);
    await expect(target.getByTestId('stack-region')).toHaveText(view.target.region);
    if (view.target.endpoint) await expect(target).toContainText(view.target.endpoint);
    if (view.emulator?.kind === 'moto') await expect(target.getByTestId('stack-emulator')).toHaveAttribute('data-kind', 'moto');

    const status = panel.getByTestId('stack-status');
    await expect(panel.getByTestId('stack-unavailable')).toHaveCount(0);
    if (view.stack.status === 'not-deployed') {
      await expect(status).toHaveAttribute('data-status', 'not-deployed');
      await expect(panel.getByTestId('stack-not-deployed')).toContainText('Not deployed');
      await expect(panel.getByTestId('stack-events')).toHaveCount(0);
    } else {
      expect(view.stack.status).toBe('ok');
      await expect(status).toHaveAttribute('data-status', /^[A-Z_]+$/);
      await expect(panel.getByTestId('stack-resource-count')).toHaveText(/^(\d+|unknown)$/);
      await expect(panel.getByTestId('stack-outputs')).toBeVisible();
      await expect(panel.getByTestId('stack-event').first()).toBeVisible();
    }
    await expect(
      panel.getByTestId('drift-in-sync').or(panel.getByTestId('drift-diff')).or(panel.getByTestId('drift-unknown')),
    ).toBeVisible();
    // Called what it is: the deployed template against the reference, in the direction of a deploy.
    await expect(panel.getByRole('heading', { name: 'Deployed template vs. reference' })).toBeVisible();
    await expect(panel.getByRole('heading', { name: 'Drift', exact: true })).toHaveCount(0);
    if (view.deployDiff && !view.deployDiff.empty) await expect(panel.getByTestId('drift-summary')).toHaveText(/^A deploy would add \d+/);
  });

  test('each finding row says what the deployed template has, and each category counts the deployed side', async ({ reviewPage }) => {
    await reviewPage.goto();
    const security = reviewPage.category('security');
    const results = security.getByTestId('deployed-result');
    await expect(results.first()).toHaveText(/^deployed: (found|clear|acknowledged|not deployed|unavailable|n\/a)/);
    await expect(
      security.getByTestId('count-security-deployed').or(security.getByTestId('count-security-deployed-unavailable')),
    ).toBeVisible();
    // The model findings themselves are untouched by the third column.
    await expect(reviewPage.findings({ side: 'model', rule: 'iam-least-privilege' }).first()).toBeAttached();
  });
});
