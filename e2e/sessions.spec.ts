import fs from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { expect, storageStateOf, test, type E2eUserKey } from './fixtures';
import { ReviewPage, SessionPage } from './pages';

// One audit session, followed from start to close by two reviewers and a viewer, each in a browser context of their own.
test.describe.configure({ mode: 'serial' });

/** Live updates must arrive without a reload, well within this. */
const LIVE_MS = 5_000;
const SEED_HEADINGS = [
  '## 1. Syntax Issues',
  '## 2. Deployment-Time Errors',
  '## 3. Security Concerns',
  '## 4. Performance Considerations',
  '## 5. Observability and Monitoring',
  '## Summary of Fixes',
];
// State-changing API calls from a test's request context must say where they come from, as a browser's fetch does
// (the server refuses cookie-authenticated writes without a same-origin Origin).
const SAME_ORIGIN = { origin: BASE_URL };
/** What the session shows for the seeded users: their names (e2e/seed-users.ts), never their emails. */
const NAME = { reviewer: 'E2E reviewer', reviewer2: 'E2E reviewer2' };

let sessionId = '';
const contexts: BrowserContext[] = [];
const pages = {} as Record<'a' | 'b' | 'viewer', SessionPage>;

/** A new browser context signed in as a seeded user, and a page in it. */
async function pageOf(browser: import('@playwright/test').Browser, user: E2eUserKey): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(user) });
  contexts.push(context);
  return context.newPage();
}

test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
});

test('a reviewer starts an audit session from the review page', async ({ browser }) => {
  const page = await pageOf(browser, 'reviewer');
  const review = new ReviewPage(page);
  await review.goto();
  const panel = page.getByTestId('sessions-panel');
  await expect(panel).toBeVisible();
  await panel.getByTestId('start-session-name').fill('E2E audit');
  await panel.getByTestId('start-session-signoffs').fill('2');
  await panel.getByTestId('start-session-submit').click();
  await page.waitForURL(/\/sessions\/[^/]+$/, { timeout: 90_000 });
  sessionId = new URL(page.url()).pathname.split('/').pop()!;
  pages.a = new SessionPage(page, sessionId);
  await expect(page.getByTestId('session-page')).toBeVisible();
  await expect(pages.a.status()).toHaveText('Open');
  await expect(page.getByTestId('session-name')).toHaveText('E2E audit');
  await expect(pages.a.progress()).toHaveText(/^0 \/ \d+ judged$/);
  await pages.a.expandAll();
  await expect(pages.a.findings({ side: 'model' }).first()).toBeVisible();

  await review.goto();
  await expect(panel.getByTestId('session-item').filter({ hasText: 'E2E audit' })).toHaveCount(1);
});

test("two reviewers see each other, and one's verdict and comment appear live on the other's page", async ({ browser }) => {
  const b = new SessionPage(await pageOf(browser, 'reviewer2'), sessionId);
  pages.b = b;
  const a = pages.a;
  await Promise.all([a.gotoLive(), b.gotoLive()]);
  await Promise.all([a.expandAll(), b.expandAll()]);
  await expect(a.presenceUsers()).toHaveCount(2, { timeout: LIVE_MS });
  await expect(b.presenceUsers()).toHaveCount(2, { timeout: LIVE_MS });
  await expect(b.presenceUsers().filter({ has: b.page.getByText(NAME.reviewer, { exact: true }) })).toHaveCount(1);

  const key = await a.findings({ side: 'model' }).first().getAttribute('data-key');
  const findingA = a.finding(key!);
  const findingB = b.finding(key!);
  await a.setVerdict(findingA, 'confirmed');
  await expect(b.verdictEntries(findingB)).toHaveText([`${NAME.reviewer}: Confirmed`], { timeout: LIVE_MS });
  await expect(b.verdictButton(findingB, 'confirmed')).toHaveAttribute('aria-pressed', 'false');
  await expect(b.progress()).toHaveText(/^1 \/ \d+ judged$/, { timeout: LIVE_MS });

  await a.comment(findingA, 'Seen in **production** too');
  const comment = b.comments(findingB).last();
  await expect(comment).toContainText('Seen in production too', { timeout: LIVE_MS });
  await expect(comment.locator('strong')).toHaveText('production');
  await expect(comment.getByTestId('comment-author')).toHaveText(NAME.reviewer);
});

test("a viewer sees the session but no controls, and the API refuses the viewer's edits", async ({ browser }) => {
  const viewer = new SessionPage(await pageOf(browser, 'viewer'), sessionId);
  pages.viewer = viewer;
  await viewer.gotoLive();
  await viewer.expandAll();
  await expect(viewer.findings({ side: 'model' }).first()).toBeVisible();
  await expect(viewer.verdictEntries(viewer.findings({ side: 'model' }).first())).not.toHaveCount(0);
  await expect(viewer.page.locator('[data-testid^="verdict-"][aria-pressed]')).toHaveCount(0);
  await expect(viewer.page.getByTestId('comment-input')).toHaveCount(0);
  await expect(viewer.page.getByTestId('manual-finding-form')).toHaveCount(0);
  await expect(viewer.signOffButton()).toHaveCount(0);

  const key = await viewer.findings({ side: 'model' }).first().getAttribute('data-key');
  const api = viewer.page.request;
  const put = await api.put(`/api/sessions/${sessionId}/findings/${key}/verdict`, {
    data: { verdict: 'false_positive' },
    headers: SAME_ORIGIN,
  });
  expect(put.status()).toBe(403);
  const post = await api.post(`/api/sessions/${sessionId}/findings/${key}/comments`, {
    data: { body: 'viewer was here' },
    headers: SAME_ORIGIN,
  });
  expect(post.status()).toBe(403);
  const signoff = await api.post(`/api/sessions/${sessionId}/signoffs`, { data: {}, headers: SAME_ORIGIN });
  expect(signoff.status()).toBe(403);
});

test('a comment with a script tag renders as text and never runs', async () => {
  const { a, b } = pages;
  const finding = a.findings({ side: 'model' }).nth(1);
  const key = await finding.getAttribute('data-key');
  const script = '<script>window.__pwned = 1</script>';
  await a.comment(finding, `look: ${script}`);
  for (const p of [a, b]) {
    await expect(p.comments(p.finding(key!)).last()).toContainText(script, { timeout: LIVE_MS });
    await expect(p.comments(p.finding(key!)).locator('script')).toHaveCount(0);
    expect(await p.page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  }
  // And after a reload, rendered by the server from what was stored.
  await b.page.reload();
  await b.expandAll();
  await expect(b.comments(b.finding(key!)).last()).toContainText(script);
  expect(await b.page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test("the markdown export downloads in the seed's structure with the confirmed findings", async () => {
  const { a } = pages;
  // One finding per category confirmed, so every category has an issue; one more judged a false positive.
  const confirmed = new Set<string>();
  for (const category of ['syntax', 'deployment', 'security', 'performance', 'observability']) {
    const finding = a.page
      .getByTestId(`session-category-${category}`)
      .locator('[data-testid="session-finding"][data-side="model"]')
      .first();
    if ((await finding.count()) === 0) continue;
    await a.setVerdict(finding, 'confirmed');
    confirmed.add((await finding.getAttribute('data-key'))!);
  }
  const keys = await a.findings({ side: 'model' }).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')!));
  const falsePositive = a.finding(keys.find((k) => !confirmed.has(k))!);
  await falsePositive.getByTestId('verdict-reason').fill('covered by an SCP');
  await a.setVerdict(falsePositive, 'false_positive');

  // A finding the rules missed, added by hand: it reaches the other reviewer live, and the report once confirmed.
  await a.page.getByTestId('manual-finding-panel').locator('summary').click();
  const form = a.page.getByTestId('manual-finding-form');
  await form.getByTestId('manual-category').selectOption('security');
  await form.getByTestId('manual-severity').selectOption('warning');
  await form.getByTestId('manual-title').fill('   ');
  await form.getByTestId('manual-problem').fill('The REST API is not protected by AWS WAF.');
  await form.getByTestId('manual-impact').fill('Common web exploits reach the functions.');
  await form.getByTestId('manual-fix').fill('Associate a WAFv2 web ACL with the API stage.');
  await form.getByTestId('manual-resources').fill('RestApi, RestApiStage');
  // A title of blanks passes the browser's check; the server's refusal marks that field and is tied to it.
  await form.getByTestId('manual-submit').click();
  const title = form.getByTestId('manual-title');
  await expect(form.getByTestId('manual-title-error')).toHaveText(/title/);
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAttribute('aria-describedby', 'manual-title-error');
  await expect(form.getByTestId('manual-problem')).toHaveValue('The REST API is not protected by AWS WAF.');
  await title.fill('API has no WAF');
  await form.getByTestId('manual-submit').click();
  const manual = a.page.getByTestId('manual-finding').filter({ hasText: 'API has no WAF' });
  await expect(manual).toHaveCount(1, { timeout: LIVE_MS });
  await expect(pages.b.page.getByTestId('manual-finding').filter({ hasText: 'API has no WAF' })).toHaveCount(1, { timeout: LIVE_MS });
  await a.setVerdict(manual, 'confirmed');

  const [download] = await Promise.all([a.page.waitForEvent('download'), a.exportLink('md').click()]);
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const markdown = fs.readFileSync((await download.path())!, 'utf8');
  let from = 0;
  for (const heading of SEED_HEADINGS) {
    const at = markdown.indexOf(`\n${heading}\n`, from);
    expect(at, `${heading} (in order)`).toBeGreaterThan(-1);
    from = at;
  }
  expect(markdown).toMatch(/### \*\*Issue 1: /);
  expect(markdown).toContain('| **Category** | **Issue** | **Fix in Ideal Response** |');
  expect(markdown).toContain('covered by an SCP');
  expect(markdown).toContain('API has no WAF');

  const [json] = await Promise.all([a.page.waitForEvent('download'), a.exportLink('json').click()]);
  expect(json.suggestedFilename()).toMatch(/\.json$/);
  const jsonText = fs.readFileSync((await json.path())!, 'utf8');
  expect(() => JSON.parse(jsonText)).not.toThrow();
});

test('sign-off by the required reviewers closes the session: read-only everywhere, edits refused with 409', async () => {
  const { a, b, viewer } = pages;
  // Findings are still unjudged, so each sign-off asks first.
  await a.signOffButton().click();
  await a.page.getByTestId('signoff-confirm-yes').click();
  await expect(b.page.getByTestId('signoff-count')).toHaveText('1 / 2', { timeout: LIVE_MS });
  await expect(b.status()).toHaveText('Open');
  await b.signOffButton().click();
  await b.page.getByTestId('signoff-confirm-yes').click();
  for (const p of [a, b, viewer]) {
    await expect(p.status()).toHaveText('Closed', { timeout: LIVE_MS });
    await expect(p.page.locator('[data-testid^="verdict-"][aria-pressed]')).toHaveCount(0);
    await expect(p.page.getByTestId('comment-input')).toHaveCount(0);
    await expect(p.signOffButton()).toHaveCount(0);
  }
  await a.page.reload();
  await expect(a.status()).toHaveText('Closed');
  await expect(a.page.getByTestId('closed-note')).toBeVisible();

  const key = await a.findings({ side: 'model' }).first().getAttribute('data-key');
  const api = a.page.request;
  const put = await api.put(`/api/sessions/${sessionId}/findings/${key}/verdict`, {
    data: { verdict: 'accepted_risk' },
    headers: SAME_ORIGIN,
  });
  expect(put.status()).toBe(409);
  const post = await api.post(`/api/sessions/${sessionId}/findings/${key}/comments`, { data: { body: 'too late' }, headers: SAME_ORIGIN });
  expect(post.status()).toBe(409);
});
