import type { Browser, BrowserContext, Page } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { expect, storageStateOf, test, type E2eUserKey } from './fixtures';

// The deploy panel against moto (the e2e server's CloudFormation endpoint, a stack name unique to this run): a first
// deploy, a repeat with nothing to change, the production NAT setting as an UPDATE the policy lets through (still
// executed only on "Execute"), then back to one NAT gateway under "any-change": cancelled once, then confirmed.
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

test('a viewer sees the deploy state and history, is told why there is no deploy button, and the API refuses the viewer', async ({
  browser,
}) => {
  const page = await pageOf(browser, 'viewer');
  await expect(page.getByTestId('deploy-button')).toHaveCount(0);
  await expect(page.getByTestId('deploy-role-note')).toHaveText('Deploying needs the deployer role; you are a viewer.');
  await expect(page.getByTestId('deploy-history').or(page.getByTestId('deploy-history-empty'))).toBeVisible();
  const response = await page.request.post('/api/deploys', { data: { clientToken: 'viewer-token-1' }, headers: SAME_ORIGIN });
  expect(response.status()).toBe(403);
});

test("a deployer deploys the reference: the change set in full width, confirmation, per-resource events live on another viewer's page, CREATE_COMPLETE, in sync, in the history", async ({
  browser,
}) => {
  const deployer = await pageOf(browser, 'deployer');
  const watcher = await pageOf(browser, 'viewer');
  await expect(deployer.getByTestId('deploy-role-note')).toHaveCount(0);
  // A double click sends the same client token twice: one deploy.
  await deployer.getByTestId('deploy-button').dblclick();
  await expect(deployer.getByTestId('deploy-status')).toHaveAttribute('data-status', 'awaiting_confirmation', { timeout: 60_000 });
  // The change set opens by itself for the one who asked, across the window like the console's change set page.
  const detail = deployer.getByTestId('deploy-detail');
  await expect(detail).toBeVisible();
  const viewport = deployer.viewportSize()!;
  expect((await detail.boundingBox())!.width).toBeGreaterThan(viewport.width * 0.8);
  await expect(detail.getByTestId('deploy-change-set-type')).toHaveText('CREATE');
  await expect(detail.getByTestId('deploy-approval-reasons')).toContainText('IAM permissions');
  const table = detail.getByTestId('change-set-table');
  await expect(table.getByRole('columnheader')).toHaveText(['Action', 'Logical ID', 'Type', 'Replacement', 'Needs approval because']);
  const rows = table.getByTestId('change-set-row');
  expect(await rows.count()).toBeGreaterThan(20);
  await expect(table.locator('[data-testid="change-set-row"]:not([data-action="Add"])')).toHaveCount(0);
  const role = table.locator('[data-testid="change-set-row"]').filter({ hasText: 'AWS::IAM::Role' }).first();
  await expect(role.getByTestId('change-set-approval')).toContainText('permissions broadened');
  await expect(rows.first().getByTestId('change-set-replacement')).toHaveText('—');
  await expect(detail.getByTestId('deploy-change-summary')).toHaveText(/^\d+ to add, 0 to modify, 0 to remove$/);
  // The watcher hears of the preview without reloading, and can open the same change set; only deployers decide.
  await expect(watcher.getByTestId('deploy-status')).toHaveAttribute('data-status', 'awaiting_confirmation', { timeout: LIVE_MS });
  await watcher.getByTestId('deploy-open-detail').click();
  await expect(watcher.getByTestId('change-set-table')).toBeVisible();
  await expect(watcher.getByTestId('deploy-confirm')).toHaveCount(0);

  const confirm = detail.getByTestId('deploy-confirm');
  await expect(confirm).toHaveText('Confirm and execute');
  await confirm.click();
  // Per-resource events (the moto launcher records them as CloudFormation does) reach the watcher's open dialog live.
  const watcherEvents = watcher.getByTestId('deploy-events');
  await expect(watcherEvents.locator('[data-testid="deploy-event"][data-resource-type="AWS::SQS::Queue"]').first()).toBeVisible({
    timeout: LIVE_MS,
  });
  await expect(watcher.getByTestId('deploy-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(watcherEvents).toContainText('CREATE_COMPLETE');
  const resourceEvent = watcherEvents.locator('[data-testid="deploy-event"][data-resource-type="AWS::IAM::Role"]').first();
  await expect(resourceEvent.getByRole('cell')).toHaveCount(5);
  await expect(watcher.getByTestId('deploy-events-stack-only')).toHaveCount(0);
  await expect(detail.getByTestId('deploy-detail-status')).toHaveAttribute('data-status', 'succeeded', { timeout: LIVE_MS });
  await detail.getByTestId('deploy-detail-close').click();
  await expect(detail).toBeHidden();
  await expect(deployer.getByTestId('deploy-message')).toContainText('CREATE_COMPLETE');

  const deploys = await deployer.request.get('/api/deploys');
  const body = (await deploys.json()) as { deploys: Array<{ status: string; execution: string }> };
  expect(body.deploys.filter((d) => d.status !== 'no_changes')).toHaveLength(1);
  expect(body.deploys[0]?.execution).toBe('confirm');

  await deployer.reload();
  await expect(deployer.getByTestId('stack-status')).toContainText('CREATE_COMPLETE', { timeout: 60_000 });
  await expect(deployer.getByTestId('drift-in-sync')).toBeVisible();
  const newest = deployer.getByTestId('deploy-history-row').first();
  await expect(newest).toHaveAttribute('data-status', 'succeeded');
  await expect(newest.getByTestId('deploy-history-who')).toContainText('deployer');
  await expect(newest.getByTestId('deploy-history-summary')).toContainText(/CREATE: \d+ to add, 0 to modify, 0 to remove; CREATE_COMPLETE/);
});

test('deploying again says "no changes"', async ({ browser }) => {
  const page = await pageOf(browser, 'deployer');
  await page.getByTestId('deploy-button').click();
  await expect(page.getByTestId('deploy-status')).toHaveAttribute('data-status', 'no_changes', { timeout: 60_000 });
  await expect(page.getByTestId('deploy-message')).toContainText('No changes');
  await expect(page.getByTestId('deploy-detail')).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('deploy-history-row').first()).toHaveAttribute('data-status', 'no_changes');
});

test('with a policy that needs no confirmation, the change set still waits for "Execute"; the stack panel says what a deploy would add', async ({
  browser,
}) => {
  await putSettings(browser, { referenceNatGateways: 2, deployApprovalPolicy: 'never' });
  const page = await pageOf(browser, 'deployer');
  // The deployed template against the reference, read in the deploy's direction: the second NAT gateway is added, never destroyed.
  await expect(page.getByTestId('drift-summary')).toHaveText(/^A deploy would add [1-9]\d* resources?, update \d+, remove 0\.$/);
  await expect(page.getByText('Deployed template vs. reference')).toBeVisible();
  await expect(page.getByTestId('drift-diff').locator('[data-impact="destroy"]')).toHaveCount(0);
  await expect(page.getByTestId('drift-diff').locator('[data-impact="create"]').first()).toBeAttached();

  await page.getByTestId('deploy-button').click();
  const detail = page.getByTestId('deploy-detail');
  await expect(detail).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('deploy-status')).toHaveAttribute('data-status', 'awaiting_confirmation');
  await expect(detail.getByTestId('deploy-change-set-type')).toHaveText('UPDATE');
  await expect(detail.getByTestId('deploy-approval-reasons')).toHaveCount(0);
  await expect(detail.getByTestId('deploy-approval-none')).toContainText('nothing runs until you execute it');
  const nat = detail.locator('[data-testid="change-set-row"][data-action="Add"]').filter({ hasText: 'AWS::EC2::NatGateway' });
  await expect(nat).toHaveCount(1);
  await expect(nat.getByTestId('change-set-approval')).toHaveText('');
  await expect(
    detail.locator('[data-testid="change-set-row"][data-action="Modify"]').first().getByTestId('change-set-replacement'),
  ).toHaveText(/^(True|False|Conditional)$/);
  // Nothing ran while the user looked.
  await page.waitForTimeout(1_500);
  await expect(page.getByTestId('deploy-status')).toHaveAttribute('data-status', 'awaiting_confirmation');

  const execute = detail.getByTestId('deploy-confirm');
  await expect(execute).toHaveText('Execute change set');
  await expect(execute).toHaveAttribute('data-approval-required', 'false');
  await execute.click();
  await expect(page.getByTestId('deploy-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  const natEvents = detail.getByTestId('deploy-events').locator('[data-resource-type="AWS::EC2::NatGateway"]');
  await expect(natEvents.filter({ hasText: 'CREATE_COMPLETE' })).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('drift-in-sync')).toBeVisible({ timeout: 60_000 });
});

test('removing resources under "any-change": the reasons per resource, a cancel recorded in the history, then confirmed and executed', async ({
  browser,
}) => {
  await putSettings(browser, { referenceNatGateways: 1, deployApprovalPolicy: 'any-change' });
  const page = await pageOf(browser, 'deployer');
  await expect(page.getByTestId('drift-summary')).toHaveText(/^A deploy would add 0 resources, update \d+, remove [1-9]\d*\.$/);

  await page.getByTestId('deploy-button').click();
  const detail = page.getByTestId('deploy-detail');
  await expect(detail).toBeVisible({ timeout: 60_000 });
  await expect(detail.getByTestId('deploy-approval-reasons')).toContainText('removes');
  const removed = detail.locator('[data-testid="change-set-row"][data-action="Remove"]').filter({ hasText: 'AWS::EC2::NatGateway' });
  await expect(removed.getByTestId('change-set-approval')).toHaveText('removed');
  await detail.getByTestId('deploy-cancel').click();
  await expect(page.getByTestId('deploy-status')).toHaveAttribute('data-status', 'cancelled', { timeout: LIVE_MS });
  await page.reload();
  await expect(page.getByTestId('deploy-history-row').first()).toHaveAttribute('data-status', 'cancelled');

  await page.getByTestId('deploy-button').click();
  await expect(detail).toBeVisible({ timeout: 60_000 });
  await detail.getByTestId('deploy-confirm').click();
  await expect(page.getByTestId('deploy-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  const natEvents = detail.getByTestId('deploy-events').locator('[data-resource-type="AWS::EC2::NatGateway"]');
  await expect(natEvents.filter({ hasText: 'DELETE_COMPLETE' })).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('drift-in-sync')).toBeVisible({ timeout: 60_000 });
  const history = page.getByTestId('deploy-history-row');
  await expect(history.first()).toHaveAttribute('data-status', 'succeeded');
  await expect(history.nth(1)).toHaveAttribute('data-status', 'cancelled');
});
