import type { Browser, BrowserContext, Page } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { expect, storageStateOf, test, type E2eUserKey } from './fixtures';

// The deploy panel against moto (the e2e server's CloudFormation endpoint, a stack name unique to this run): a first
// deploy, a repeat with nothing to change, then the production NAT setting as an UPDATE confirmed and executed.
test.describe.configure({ mode: 'serial' });

const LIVE_MS = 15_000;
const SAME_ORIGIN = { origin: BASE_URL };
const contexts: BrowserContext[] = [];

async function pageOf(browser: Browser, user: E2eUserKey): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(user) });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto('/', { timeout: 120_000 });
  await expect(page.getByTestId('deploy-controls')).toBeVisible({ timeout: 120_000 });
  return page;
}

async function putSettings(browser: Browser, settings: Record<string, unknown>): Promise<void> {
  const context = await browser.newContext({ storageState: storageStateOf('admin') });
  const response = await context.request.put('/api/settings', { data: settings, headers: SAME_ORIGIN });
  expect(response.status(), await response.text()).toBe(200);
  await context.close();
}

test.afterAll(async ({ browser }) => {
  await putSettings(browser, { referenceNatGateways: 1, deployApprovalPolicy: 'broadening' });
  await Promise.all(contexts.map((c) => c.close()));
});

test('a viewer sees the deploy state but no deploy button, and the API refuses the viewer', async ({ browser }) => {
  const page = await pageOf(browser, 'viewer');
  await expect(page.getByTestId('deploy-button')).toHaveCount(0);
  const response = await page.request.post('/api/deploys', { data: { clientToken: 'viewer-token-1' }, headers: SAME_ORIGIN });
  expect(response.status()).toBe(403);
});

test("a deployer deploys the reference: preview, confirmation, live events on another viewer's page, CREATE_COMPLETE, in sync", async ({
  browser,
}) => {
  const deployer = await pageOf(browser, 'deployer');
  const watcher = await pageOf(browser, 'viewer');
  // A double click sends the same client token twice: one deploy.
  await deployer.getByTestId('deploy-button').dblclick();
  await expect(deployer.getByTestId('deploy-status')).toHaveAttribute('data-status', 'awaiting_confirmation', { timeout: 60_000 });
  await expect(deployer.getByTestId('deploy-change-set-type')).toHaveText('CREATE');
  await expect(deployer.getByTestId('deploy-approval-reasons')).toContainText('IAM permissions');
  // The watcher hears of the preview without reloading.
  await expect(watcher.getByTestId('deploy-status')).toHaveAttribute('data-status', 'awaiting_confirmation', { timeout: LIVE_MS });

  await deployer.getByTestId('deploy-confirm').click();
  await expect(watcher.getByTestId('deploy-event').first()).toBeVisible({ timeout: LIVE_MS });
  await expect(watcher.getByTestId('deploy-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(watcher.getByTestId('deploy-events')).toContainText('CREATE_COMPLETE');
  await expect(deployer.getByTestId('deploy-message')).toContainText('CREATE_COMPLETE');

  const deploys = await deployer.request.get('/api/deploys');
  const body = (await deploys.json()) as { deploys: Array<{ status: string }> };
  expect(body.deploys.filter((d) => d.status !== 'no_changes')).toHaveLength(1);

  await deployer.reload();
  await expect(deployer.getByTestId('stack-status')).toContainText('CREATE_COMPLETE', { timeout: 60_000 });
  await expect(deployer.getByTestId('drift-in-sync')).toBeVisible();
});

test('deploying again says "no changes"', async ({ browser }) => {
  const page = await pageOf(browser, 'deployer');
  await page.getByTestId('deploy-button').click();
  await expect(page.getByTestId('deploy-status')).toHaveAttribute('data-status', 'no_changes', { timeout: 60_000 });
  await expect(page.getByTestId('deploy-message')).toContainText('No changes');
});

test('the production NAT setting yields an UPDATE preview with impacts, confirmed and executed, then in sync again', async ({
  browser,
}) => {
  await putSettings(browser, { referenceNatGateways: 2, deployApprovalPolicy: 'any-change' });
  const page = await pageOf(browser, 'deployer');
  await page.getByTestId('deploy-button').click();
  await expect(page.getByTestId('deploy-status')).toHaveAttribute('data-status', 'awaiting_confirmation', { timeout: 60_000 });
  await expect(page.getByTestId('deploy-change-set-type')).toHaveText('UPDATE');
  const preview = page.getByTestId('deploy-preview');
  await expect(preview).toContainText('AWS::EC2::NatGateway');
  await expect(preview.getByText('create').first()).toBeVisible();
  await expect(page.getByTestId('deploy-approval-reasons')).toContainText('any change');

  await page.getByTestId('deploy-confirm').click();
  await expect(page.getByTestId('deploy-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(page.getByTestId('deploy-message')).toContainText('UPDATE_COMPLETE');
  await page.reload();
  await expect(page.getByTestId('drift-in-sync')).toBeVisible({ timeout: 60_000 });
});
