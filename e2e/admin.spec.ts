import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { e2eUser, expect, storageStateOf, test } from './fixtures';

/** The audit log page (`/admin/audit-log`): filters, rows, export link. */
class AuditLogPage {
  constructor(readonly page: Page) {}

  /** Opens the page, optionally with a query string. */
  async goto(query = ''): Promise<void> {
    await this.page.goto(`/admin/audit-log${query}`);
  }

  /** Every entry row shown. */
  rows(): Locator {
    return this.page.getByTestId('audit-row');
  }

  /** Filters by an action through the form. */
  async filterByAction(action: string): Promise<void> {
    await this.page.getByTestId('audit-filter-action').fill(action);
    await this.page.getByTestId('audit-filter-submit').click();
    await expect(this.page).toHaveURL(new RegExp(`action=${action.replace('.', '\\.')}`));
  }

  /** Clicks "Export JSON lines" and returns the downloaded file's entries. */
  async exportJsonLines(): Promise<Array<Record<string, unknown>>> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('audit-export').click()]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    return text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
  }
}

/** The signed-in user's API tokens page (`/account/tokens`). */
class TokensPage {
  constructor(readonly page: Page) {}

  /** Opens the page. */
  async goto(): Promise<void> {
    await this.page.goto('/account/tokens');
    await expect(this.page.getByTestId('create-token-form')).toBeVisible();
  }

  /** Creates a token (with `scope`, else the preselected one) and returns the secret the page shows once. */
  async create(name: string, scope?: string): Promise<string> {
    await this.page.getByTestId('token-name').fill(name);
    if (scope) await this.page.getByTestId('token-scope').selectOption(scope);
    await this.page.getByTestId('token-create').click();
    const secret = this.page.getByTestId('token-secret');
    await expect(secret).toBeVisible();
    return (await secret.textContent())!.trim();
  }

  /** The list row of the token named `name`. */
  row(name: string): Locator {
    return this.page.getByTestId('token-row').filter({ hasText: name });
  }
}

test.describe('the audit log, as an admin', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('shows the seeded users’ creation, filters by action and exports the filtered log as JSON lines', async ({ page }) => {
    const audit = new AuditLogPage(page);
    await audit.goto();
    await expect(page.getByTestId('nav-admin')).toBeVisible();
    await expect(audit.rows().first()).toBeVisible();
    await expect(audit.rows().filter({ hasText: 'user.create' }).first()).toBeVisible();

    await audit.filterByAction('user.create');
    const actions = await audit.rows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
    expect(actions.length).toBeGreaterThanOrEqual(5);
    expect(new Set(actions)).toEqual(new Set(['user.create']));
    await audit.rows().first().locator('summary').click();
    await expect(audit.rows().first().locator('pre').nth(1)).toContainText('"email"');

    const exported = await audit.exportJsonLines();
    expect(exported).toHaveLength(actions.length);
    expect(exported.every((entry) => entry.action === 'user.create')).toBe(true);
    expect(exported.map((entry) => (entry.after as { email: string }).email)).toContain(e2eUser('viewer').email);
  });

  test('the last admin cannot be demoted: the role select explains and snaps back', async ({ page }) => {
    await page.goto('/admin/users');
    const row = page.getByTestId('user-row').filter({ hasText: e2eUser('admin').email });
    await row.getByTestId('user-role-select').selectOption('viewer');
    await expect(row.getByTestId('user-role-error')).toContainText('last admin');
    await expect(row.getByTestId('user-role-select')).toHaveValue('admin');
  });
});

test.describe('users and settings, as an admin', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('adds a user with a generated password shown once, then changes their role', async ({ page }) => {
    await page.goto('/admin/users');
    const email = `added-${Date.now().toString(36)}@e2e.test`;
    await page.getByTestId('create-user-email').fill(email);
    await page.getByTestId('create-user-name').fill('Added By Admin');
    await page.getByTestId('create-user-submit').click();
    await expect(page.getByTestId('created-password')).toHaveText(/^\S{20,}$/);
    const row = page.getByTestId('user-row').filter({ hasText: email });
    await expect(row.getByTestId('user-role-select')).toHaveValue('viewer');
    await row.getByTestId('user-role-select').selectOption('reviewer');
    await expect(row.getByTestId('user-role-select')).toHaveValue('reviewer');
    await page.reload();
    await expect(page.getByTestId('created-password')).toHaveCount(0);
    await expect(page.getByTestId('user-row').filter({ hasText: email }).getByTestId('user-role-select')).toHaveValue('reviewer');
  });

  test('saves the required sign-offs, audited', async ({ page }) => {
    try {
      await page.goto('/admin/settings');
      await page.getByTestId('settings-required-signoffs').fill('2');
      await page.getByTestId('settings-save').click();
      await expect(page.getByTestId('settings-saved')).toBeVisible();
      await page.reload();
      await expect(page.getByTestId('settings-required-signoffs')).toHaveValue('2');
      await new AuditLogPage(page).goto('?action=setting.set');
      await expect(page.getByTestId('audit-row').filter({ hasText: 'audit.requiredSignoffs' }).first()).toBeVisible();
      await expect(page.getByTestId('audit-row').filter({ hasText: 'deploy.requiresSignedOffSession' })).toHaveCount(0);
    } finally {
      // Other specs expect the default of one sign-off.
      const origin = new URL(page.url()).origin;
      await page.request.put('/api/settings', { headers: { origin }, data: { requiredSignoffs: 1 } });
    }
  });
});

test.describe('the admin area, as a viewer', () => {
  test.use({ storageState: storageStateOf('viewer') });

  test('answers with a 403 page and no entries; the API refuses too; no Admin link', async ({ page }) => {
    await new AuditLogPage(page).goto();
    await expect(page.getByTestId('forbidden')).toContainText('403');
    await expect(page.getByTestId('audit-row')).toHaveCount(0);
    await expect(page.getByTestId('user-menu')).toBeVisible();
    await expect(page.getByTestId('nav-admin')).toHaveCount(0);
    expect((await page.request.get('/api/audit-log')).status()).toBe(403);
  });
});

test.describe('personal API tokens', () => {
  test.use({ storageState: storageStateOf('reviewer') });

  test('a new token is shown once, authenticates a bearer request, and after a reload only its prefix shows', async ({
    page,
    playwright,
  }) => {
    const tokens = new TokensPage(page);
    await tokens.goto();
    const name = `e2e-${Date.now().toString(36)}`;
    const secret = await tokens.create(name);
    expect(secret).toMatch(/^irv_/);

    const api = await playwright.request.newContext({ baseURL: new URL(page.url()).origin, storageState: { cookies: [], origins: [] } });
    const response = await api.get('/api/tokens', { headers: { authorization: `Bearer ${secret}` } });
    expect(response.status()).toBe(200);
    expect(await response.text()).not.toContain(secret);
    await api.dispose();

    await page.reload();
    await expect(tokens.row(name)).toBeVisible();
    await expect(tokens.row(name).getByTestId('token-scope-cell')).toHaveText('read');
    await expect(page.getByTestId('token-secret')).toHaveCount(0);
    const prefix = (await tokens.row(name).getByTestId('token-start').textContent())!.replace('…', '');
    expect(secret.startsWith(prefix)).toBe(true);
    expect(await page.content()).not.toContain(secret);
  });

  test('a token is read-only unless given a wider scope; a reviewer is offered no scope above review', async ({ page, playwright }) => {
    const tokens = new TokensPage(page);
    await tokens.goto();
    await expect(page.getByTestId('token-scope')).toHaveValue('read');
    await expect(page.getByTestId('token-scope').locator('option')).toHaveText([/^read/, /^review/]);
    const readOnly = await tokens.create(`ro-${Date.now().toString(36)}`);
    // A fresh page, so the next secret read is the new token's, not the one still shown.
    await tokens.goto();
    const reviewName = `rv-${Date.now().toString(36)}`;
    const review = await tokens.create(reviewName, 'review');
    await expect(tokens.row(reviewName).getByTestId('token-scope-cell')).toHaveText('review');

    const api = await playwright.request.newContext({ baseURL: new URL(page.url()).origin, storageState: { cookies: [], origins: [] } });
    const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    expect((await api.get('/api/account', as(readOnly))).status()).toBe(200);
    expect((await api.patch('/api/account', { ...as(readOnly), data: { name: 'Read only' } })).status()).toBe(403);
    expect((await (await api.get('/api/account', as(review))).json()).user).toMatchObject({ role: 'reviewer', scope: 'review' });
    expect((await api.post('/api/deploys', { ...as(review), data: {} })).status()).toBe(403);
    // better-auth's own token management is closed: nothing revives or creates a token beside the app's routes.
    expect((await api.post('/api/auth/api-key/update', { ...as(review), data: { keyId: 'x', enabled: true } })).status()).toBe(404);
    expect((await api.post('/api/auth/api-key/create', { ...as(review), data: { name: 'side door' } })).status()).toBe(404);
    await api.dispose();
  });
});
