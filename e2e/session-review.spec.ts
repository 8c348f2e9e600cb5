import fs from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { expect, storageStateOf, test, type E2eUserKey } from './fixtures';
import { SessionPage } from './pages';

// Reviewing an audit session like a pull request: one row per problem, bulk and keyboard verdicts, comments on lines
// of the review's files, and a sign-off that says what is left. Two reviewers and a viewer, each in their own context.
test.describe.configure({ mode: 'serial' });

const LIVE_MS = 5_000;
const SAME_ORIGIN = { origin: BASE_URL };
const NAME = { reviewer: 'E2E reviewer', reviewer2: 'E2E reviewer2' };
const MODEL_MD = 'infra/model/MODEL_RESPONSE.md';

let sessionId = '';
const contexts: BrowserContext[] = [];
let a: SessionPage;
let b: SessionPage;

async function pageOf(browser: Browser, user: E2eUserKey): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(user) });
  contexts.push(context);
  return context.newPage();
}

/** The first model rule row with several instances (a problem found in several places). */
function multiRow(page: SessionPage): Locator {
  return page.page
    .locator('[data-testid="session-rule"][data-side="model"]')
    .filter({ has: page.page.getByTestId('rule-expand') })
    .first();
}

/** The row that has the keyboard focus, by its rule or key. */
function focusedRow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const row = document.activeElement as HTMLElement | null;
    return row?.hasAttribute('data-row') ? (row.dataset.keys ?? null) : null;
  });
}

test.beforeAll(async ({ browser }) => {
  const page = await pageOf(browser, 'reviewer');
  const created = await page.request.post('/api/reviews/bundled/sessions', {
    data: { name: 'PR-style review', requiredSignoffs: 1 },
    headers: SAME_ORIGIN,
    timeout: 120_000,
  });
  expect(created.status()).toBe(201);
  sessionId = ((await created.json()) as { session: { id: string } }).session.id;
  a = new SessionPage(page, sessionId);
  b = new SessionPage(await pageOf(browser, 'reviewer2'), sessionId);
  await Promise.all([a.gotoLive(), b.gotoLive()]);
});

test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
});

test('a rule with several instances is one row; its verdict reaches the other reviewer live, and an instance overrides it', async () => {
  await expect(a.page).toHaveTitle(/PR-style review/);
  const rowA = multiRow(a);
  const rule = (await rowA.getAttribute('data-rule'))!;
  const count = (await rowA.getAttribute('data-keys'))!.split(' ').length;
  expect(count).toBeGreaterThan(1);
  await expect(a.ruleRow(rule)).toHaveCount(1);
  await expect(rowA.getByTestId('session-finding')).toHaveCount(0); // collapsed: one row, not `count`

  await rowA.getByTestId('group-verdict-confirmed').click();
  await expect(rowA.getByTestId('group-verdict-confirmed')).toHaveAttribute('aria-pressed', 'true');
  const rowB = b.ruleRow(rule);
  await expect(rowB.getByTestId('group-verdict-entry')).toHaveText([`${NAME.reviewer}: Confirmed`], { timeout: LIVE_MS });
  await expect(rowB.getByTestId('rule-unjudged')).toHaveText('all judged');

  await rowA.getByTestId('rule-expand').click();
  await expect(rowA.getByTestId('session-finding')).toHaveCount(count);
  const instance = rowA.getByTestId('session-finding').first();
  await a.setVerdict(instance, 'false_positive');
  await expect(rowA.getByTestId('group-verdict-mixed')).toBeVisible();
  await expect(rowB.getByTestId('group-verdict-entry')).toHaveText([`${NAME.reviewer}: Confirmed ×${count - 1}, False positive ×1`], {
    timeout: LIVE_MS,
  });
});

test('j/k move between rows, c/f/a/d judge the focused row and keep the focus, Enter expands, ? names the keys', async () => {
  const page = a.page;
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('j');
  const first = await focusedRow(page);
  expect(first).not.toBeNull();
  await page.keyboard.press('j');
  const second = await focusedRow(page);
  expect(second).not.toBe(first);
  await page.keyboard.press('k');
  expect(await focusedRow(page)).toBe(first);
  await page.keyboard.press('j');

  const row = page.locator(`[data-row][data-keys="${second}"]`);
  await page.keyboard.press('a');
  const chips = row.locator('[data-testid="group-verdict-entry"], [data-testid="verdict-entry"]');
  await expect(chips.filter({ hasText: `${NAME.reviewer}: Accepted risk` }).first()).toBeVisible({ timeout: LIVE_MS });
  await expect(row).toBeFocused();
  // Another reviewer's verdict re-renders the page live; my focus stays where it was.
  const other = b.page.locator('[data-testid="session-rule"][data-side="model"]').last();
  await other.locator('[data-testid^="group-verdict-needs_discussion"], [data-testid="verdict-needs_discussion"]').first().click();
  await expect(
    page.locator(`[data-row][data-keys="${await other.getAttribute('data-keys')}"]`).getByText(`${NAME.reviewer2}:`, { exact: false }),
  ).toBeVisible({ timeout: LIVE_MS });
  await expect(row).toBeFocused();
  await page.keyboard.press('d');
  await expect(chips.filter({ hasText: `${NAME.reviewer}: Needs discussion` }).first()).toBeVisible({ timeout: LIVE_MS });
  await expect(row).toBeFocused();

  // The rule expanded in the first test: Enter on its row collapses it, and again expands it.
  const multi = page.locator(`[data-row][data-keys="${await multiRow(a).getAttribute('data-keys')}"]`);
  await multi.focus();
  await page.keyboard.press('Enter');
  await expect(multi.getByTestId('rule-expand')).toHaveAttribute('aria-expanded', 'false');
  await expect(multi.getByTestId('session-finding')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(multi.getByTestId('rule-expand')).toHaveAttribute('aria-expanded', 'true');
  await expect(multi.getByTestId('session-finding').first()).toBeVisible();
  await expect(multi).toBeFocused();

  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts-help');
  await expect(help).toBeVisible();
  for (const text of ['j / k', 'Enter', 'Confirmed', 'False positive', 'Accepted risk', 'Needs discussion'])
    await expect(help).toContainText(text);
  await page.keyboard.press('?');
  await expect(help).toHaveCount(0);
});

test('a category is judged in one call, live for the other reviewer; a bulk call with an unknown key writes nothing', async () => {
  const section = a.page.getByTestId('session-category-security');
  const keys = (await section
    .locator('[data-row][data-testid="session-rule"][data-side="model"]')
    .evaluateAll((rows) => rows.flatMap((r) => (r as HTMLElement).dataset.keys!.split(' ')))) as string[];
  expect(keys.length).toBeGreaterThan(1);
  const calls: string[] = [];
  a.page.on('request', (r) => {
    if (r.url().endsWith(`/api/sessions/${sessionId}/verdicts`)) calls.push(r.method());
  });
  await section.getByTestId('category-verdict-security').selectOption('confirmed');
  await section.getByTestId('category-verdict-apply-security').click();
  const rowsB = b.page.getByTestId('session-category-security').locator('[data-testid="session-rule"][data-side="model"]');
  await expect(rowsB.getByTestId('rule-unjudged').filter({ hasNotText: 'all judged' })).toHaveCount(0, { timeout: LIVE_MS });
  expect(calls).toEqual(['PUT']);

  const fresh = (await (await a.page.request.get(`/api/sessions/${sessionId}`)).json()) as {
    findings: { key: string; side: string }[];
    verdicts: Record<string, unknown[]>;
  };
  const unjudged = fresh.findings.find((f) => f.side === 'model' && !fresh.verdicts[f.key]?.length);
  expect(unjudged).toBeDefined();
  const refused = await a.page.request.put(`/api/sessions/${sessionId}/verdicts`, {
    data: { keys: [unjudged!.key, 'no-such-key'], verdict: 'confirmed' },
    headers: SAME_ORIGIN,
  });
  expect(refused.status()).toBe(404);
  const after = (await (await a.page.request.get(`/api/sessions/${sessionId}`)).json()) as { verdicts: Record<string, unknown[]> };
  expect(after.verdicts[unjudged!.key] ?? []).toEqual([]);
  expect(
    (
      await a.page.request.put(`/api/sessions/${sessionId}/verdicts`, { data: { keys: [], verdict: 'confirmed' }, headers: SAME_ORIGIN })
    ).status(),
  ).toBe(400);
});

test('the source view numbers every line, highlights #L<n>, and reviewers comment on a line live, as in a PR review', async ({
  browser,
}) => {
  const viewer = await pageOf(browser, 'viewer');
  await viewer.goto(`/review/bundled/source?side=model&file=${encodeURIComponent(MODEL_MD)}&session=${sessionId}#L120`);
  const target = viewer.getByTestId('source-line-120');
  await expect(target).toHaveAttribute('id', 'L120');
  await expect(target).toHaveAttribute('data-highlighted', 'true');
  await expect(target).toBeInViewport();
  await expect(viewer).toHaveTitle(new RegExp(MODEL_MD));
  await expect(viewer.getByTestId('source-line-1')).not.toBeInViewport();
  await expect(viewer.getByTestId('source-line-2')).not.toHaveAttribute('data-highlighted');
  await expect(viewer.getByTestId('line-comment-add-5')).toHaveCount(0); // a viewer reads, never writes

  const source = await a.page.context().newPage();
  await source.goto(`/review/bundled/source?side=model&file=${encodeURIComponent(MODEL_MD)}&session=${sessionId}`);
  await source.getByTestId('line-comment-add-5').click();
  await source.getByTestId('line-comment-input').fill('Why **this** line?');
  await source.getByTestId('line-comment-submit').click();
  const mine = source.getByTestId('line-comments-5').getByTestId('line-comment');
  await expect(mine).toHaveCount(1);
  await expect(mine.locator('strong')).toHaveText('this');
  await expect(mine.getByTestId('line-comment-author')).toHaveText(NAME.reviewer);

  await expect(viewer.getByTestId('line-comments-5').getByTestId('line-comment')).toContainText('Why this line?', { timeout: LIVE_MS });
  const entry = b.page.getByTestId('line-comment-entry');
  await expect(entry).toContainText('Why this line?', { timeout: LIVE_MS });
  await expect(entry.getByTestId('line-comment-link')).toHaveText(`${MODEL_MD}:5`);
  await expect(entry.getByTestId('line-comment-link')).toHaveAttribute(
    'href',
    `/review/bundled/source?side=model&file=${encodeURIComponent(MODEL_MD)}&session=${sessionId}#L5`,
  );

  // A finding on a line (cdk-v1-imports, on the answer's CDK v1 dependencies) links to that line, where the comment goes.
  const finder = new SessionPage(await b.page.context().newPage(), sessionId);
  await finder.goto();
  const imports = finder.ruleRow('cdk-v1-imports');
  await imports.getByTestId('rule-expand').click();
  const toLine = imports.getByTestId('finding-source-link').first();
  const href = (await toLine.getAttribute('href'))!;
  expect(href).toMatch(new RegExp(`^/review/bundled/source\\?side=model&file=${encodeURIComponent(MODEL_MD)}&session=${sessionId}#L\\d+$`));
  await toLine.click();
  const lineNo = href.split('#L')[1];
  await expect(finder.page.getByTestId(`source-line-${lineNo}`)).toHaveAttribute('data-highlighted', 'true');
  await expect(finder.page.getByTestId(`source-line-${lineNo}`)).toContainText('aws-cdk');
  await finder.page.close();

  const missing = await a.page.request.post(`/api/sessions/${sessionId}/line-comments`, {
    data: { side: 'model', file: 'no/such/file.ts', line: 1, body: 'x' },
    headers: SAME_ORIGIN,
  });
  expect(missing.status()).toBe(404);
  const [json] = await Promise.all([b.page.waitForEvent('download'), b.exportLink('json').click()]);
  const exported = JSON.parse(fs.readFileSync((await json.path())!, 'utf8')) as { lineComments: { file: string; line: number }[] };
  expect(exported.lineComments).toEqual([expect.objectContaining({ file: MODEL_MD, line: 5, body: 'Why **this** line?' })]);
});

test('sign-off lists what is unjudged and asks first; once closed, nothing says live and everything is read-only', async () => {
  const unjudged = a.page.getByTestId('unjudged');
  await expect(unjudged).toBeVisible();
  const open = Number(await a.page.getByTestId('unjudged-count').textContent());
  expect(open).toBeGreaterThan(0);
  await unjudged.locator('summary').click();
  const first = a.page.getByTestId('unjudged-item').first().getByRole('link');
  const anchor = (await first.getAttribute('href'))!;
  await first.click();
  await expect(a.page.locator(anchor)).toBeInViewport();

  await a.signOffButton().click();
  await expect(a.page.getByTestId('signoff-confirm')).toContainText(`${open} finding`);
  await a.page.getByTestId('signoff-confirm-cancel').click();
  await expect(a.page.getByTestId('signoff-confirm')).toHaveCount(0);
  await expect(a.status()).toHaveText('Open');
  await a.signOffButton().click();
  await a.page.getByTestId('signoff-confirm-yes').click();
  for (const p of [a, b]) {
    await expect(p.status()).toHaveText('Closed', { timeout: LIVE_MS });
    await expect(p.page.getByTestId('live-status')).toHaveCount(0);
    await expect(p.page.getByTestId('presence')).toHaveCount(0);
    await expect(p.page.locator('[data-testid^="group-verdict-"][aria-pressed]')).toHaveCount(0);
    await expect(p.page.getByTestId('category-verdict-apply-security')).toHaveCount(0);
  }
  await expect(b.page.getByTestId('signoff-entry')).toContainText(NAME.reviewer);
  await expect(b.page.getByText(/@e2e\.test/)).toHaveCount(0);
});
