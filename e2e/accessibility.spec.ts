import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { ANONYMOUS, e2eUser, expect, storageStateOf, test } from './fixtures';
import { SignInPage } from './pages';

// Every page, as the role that sees the most (admin) and as a visitor: axe-core finds no serious or critical
// violation, and the page fits a phone's width without scrolling sideways. Each test stands alone, so one failing
// page does not hide the others.

/** A page to audit: where it is, and the test id (or `main h1`) whose visibility says it has rendered. */
type AuditedPage = { name: string; path: string; ready: string };

/** The narrowest screen every page must fit without horizontal scrolling (an iPhone 12-15). */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const SERIOUS = new Set(['serious', 'critical']);

/** The pages an admin reaches, besides the audit session the tests open. */
const SIGNED_IN_PAGES: AuditedPage[] = [
  { name: 'home', path: '/', ready: 'total-model' },
  { name: 'reviews list', path: '/reviews', ready: 'reviews-list' },
  { name: 'bundled review', path: '/review/bundled', ready: 'total-model' },
  { name: 'bundled review diff', path: '/review/bundled/diff', ready: 'diff-view' },
  { name: 'diff', path: '/diff', ready: 'diff-view' },
  { name: 'bundled review source files', path: '/review/bundled/source?side=reference', ready: 'source-page' },
  { name: 'admin', path: '/admin', ready: 'main h1' },
  { name: 'admin users', path: '/admin/users', ready: 'create-user-form' },
  { name: 'admin settings', path: '/admin/settings', ready: 'settings-form' },
  { name: 'admin audit log', path: '/admin/audit-log', ready: 'audit-export' },
  { name: 'account tokens', path: '/account/tokens', ready: 'create-token-form' },
  { name: 'unknown review (404)', path: '/review/no-such-review', ready: 'main h1' },
  { name: 'unknown session (404)', path: '/sessions/no-such-session', ready: 'main h1' },
];

/** What a visitor reaches: the sign-in form (/setup sends there once a user exists). */
const ANONYMOUS_PAGES: AuditedPage[] = [
  { name: 'sign-in', path: '/sign-in', ready: 'sign-in-form' },
  { name: 'setup', path: '/setup', ready: 'main h1' },
];

test.describe('signed in as admin', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('an audit session (opened through the API) has no serious axe violation and fits 390 px', async ({ page }) => {
    const sessionId = await openSession(page);
    await auditPage(page, { name: 'audit session', path: `/sessions/${sessionId}`, ready: 'session-page' });
  });

  test('a source file, with a session so its lines take comments, has no serious axe violation and fits 390 px', async ({ page }) => {
    const sessionId = await openSession(page);
    await page.goto(`/review/bundled/source?side=model&session=${sessionId}`);
    const href = await page.getByTestId('source-file-link').first().getAttribute('href');
    expect(href, 'the model side lists its files').toBeTruthy();
    await auditPage(page, { name: 'source file', path: href!, ready: 'source-file' });
  });

  for (const audited of SIGNED_IN_PAGES) {
    test(`${audited.name} has no serious axe violation and fits 390 px`, async ({ page }) => {
      await auditPage(page, audited);
    });
  }
});

test.describe('field errors as admin', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('adding a user whose email is taken marks the email field, describes it by the error and keeps what was typed', async ({ page }) => {
    await page.goto('/admin/users');
    await page.getByTestId('create-user-email').fill(e2eUser('viewer').email);
    await page.getByTestId('create-user-name').fill('Taken Email');
    await page.getByTestId('create-user-submit').click();
    await expectFieldError(page.getByTestId('create-user-email'), /exists/);
    await expect(page.getByTestId('create-user-email'), 'what was typed stays').toHaveValue(e2eUser('viewer').email);
    await expect(page.getByTestId('create-user-name')).not.toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousViolations(page, '/admin/users with a field error');
  });

  test('a token name of blanks marks the name field and describes it by the error', async ({ page }) => {
    await page.goto('/account/tokens');
    await page.getByTestId('token-name').fill('   ');
    await page.getByTestId('token-create').click();
    await expectFieldError(page.getByTestId('token-name'), /\S/);
    await expect(page.getByTestId('token-expires')).not.toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousViolations(page, '/account/tokens with a field error');
  });

  test("settings the server refuses mark the offending field (past the browser's own checks)", async ({ page }) => {
    await page.goto('/admin/settings');
    const form = page.getByTestId('settings-form');
    await form.evaluate((element: HTMLFormElement) => (element.noValidate = true));
    await page.getByTestId('settings-required-signoffs').fill('0');
    await page.getByTestId('settings-save').click();
    await expectFieldError(page.getByTestId('settings-required-signoffs'), /\S/);
    await expect(page.getByTestId('settings-approval-policy')).not.toHaveAttribute('aria-invalid', 'true');
  });
});

test.describe('as a visitor', () => {
  test.use({ storageState: ANONYMOUS });

  for (const audited of ANONYMOUS_PAGES) {
    test(`${audited.name} has no serious axe violation and fits 390 px`, async ({ page }) => {
      await auditPage(page, audited);
    });
  }

  test('wrong credentials mark both sign-in fields and describe them by the error', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(e2eUser('viewer').email, 'not the password');
    await expect(signIn.error()).toBeVisible();
    for (const field of ['sign-in-email', 'sign-in-password']) await expectFieldError(page.getByTestId(field), 'Wrong email or password.');
    await expectNoSeriousViolations(page, '/sign-in with an error');
  });
});

/** Opens a page, expands every disclosure, and asserts axe's serious/critical violations are none and nothing overflows 390 px. */
async function auditPage(page: Page, audited: AuditedPage): Promise<void> {
  // A review page with every finding, evidence and diff expanded is thousands of elements: axe needs minutes for it.
  test.slow();
  await page.setViewportSize(DESKTOP);
  await open(page, audited);
  await expectNoSeriousViolations(page, audited.path);

  await page.setViewportSize(PHONE);
  const overflow = await page.evaluate(measureOverflow);
  expect(
    overflow.scrollWidth,
    `${audited.path} at 390 px scrolls sideways; sticking out: ${overflow.widest.join(', ')}`,
  ).toBeLessThanOrEqual(overflow.clientWidth);
}

/** In the page: how wide the document is against the viewport, and the deepest elements sticking out past its right edge. */
function measureOverflow(): { scrollWidth: number; clientWidth: number; widest: string[] } {
  const root = document.scrollingElement!;
  const limit = root.clientWidth + 1;
  // Inside a box that scrolls or clips sideways an element cannot widen the page.
  const clipped = (el: Element): boolean => {
    for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement)
      if (getComputedStyle(parent).overflowX !== 'visible') return true;
    return false;
  };
  const out = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > limit && !clipped(el));
  const widest = out
    .filter((el) => !out.some((other) => other !== el && el.contains(other)))
    .slice(0, 8)
    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)} px)`);
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
}

/** Opens an audit session on the bundled review through the API (as the signed-in user) and returns its id. */
async function openSession(page: Page): Promise<string> {
  const created = await page.request.post('/api/reviews/bundled/sessions', {
    data: { name: 'Accessibility audit' },
    headers: { origin: BASE_URL },
    timeout: 90_000,
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { session: { id: string } }).session.id;
}

/** Runs axe-core on the page as it is and fails listing each serious or critical violation (rule, nodes, what to fix). */
async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => SERIOUS.has(v.impact ?? ''));
  expect(serious.map(describeViolation), `axe on ${where}`).toEqual([]);
}

/** The input is marked invalid and its accessible description (aria-describedby) is the error text. */
async function expectFieldError(input: Locator, text: string | RegExp): Promise<void> {
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAccessibleDescription(text);
}

/** Opens the page, waits until it has rendered, and opens every `<details>` so hidden content is audited too. */
async function open(page: Page, audited: AuditedPage): Promise<void> {
  await page.goto(audited.path);
  const ready = audited.ready.includes(' ') ? page.locator(audited.ready).first() : page.getByTestId(audited.ready).first();
  await expect(ready).toBeVisible({ timeout: 90_000 });
  await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
}

/** One violation as a line per offending node: rule id, impact, selector and axe's summary of what to fix. */
function describeViolation(violation: {
  id: string;
  impact?: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}): string {
  const nodes = violation.nodes
    .slice(0, 10)
    .map((node) => `  ${JSON.stringify(node.target)}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`);
  const more = violation.nodes.length > 10 ? [`  … and ${violation.nodes.length - 10} more`] : [];
  return [`${violation.id} (${violation.impact}, ${violation.nodes.length} nodes): ${violation.help}`, ...nodes, ...more].join('\n');
}
