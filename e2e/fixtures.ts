import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { AUTH_DIR } from '../playwright.config';
import type { ReviewFinding } from '../lib/pipeline/types';
import { DiffPage, ReviewPage } from './pages';

/** Test fixtures: page objects, and the bundled review's findings as the API serves them. */
export const test = base.extend<{ reviewPage: ReviewPage; diffPage: DiffPage; apiFindings: ReviewFinding[] }>({
  reviewPage: async ({ page }, use) => {
    await use(new ReviewPage(page));
  },
  diffPage: async ({ page }, use) => {
    await use(new DiffPage(page));
  },
  // Through the page's context, so the request carries the spec's signed-in cookies.
  apiFindings: async ({ page }, use) => {
    const response = await page.request.get('/api/reviews/bundled/findings', { timeout: 90_000 });
    expect(response.ok(), `GET /api/reviews/bundled/findings: ${response.status()}`).toBe(true);
    const body = (await response.json()) as { findings: ReviewFinding[] };
    await use(body.findings);
  },
});

export { expect };

/** Seeded accounts (e2e/global-setup.ts): one per role, plus `reviewer2`. */
export type E2eUserKey = 'viewer' | 'reviewer' | 'reviewer2' | 'deployer' | 'admin';

/** The saved signed-in browser state of a seeded user, for `test.use({ storageState: storageStateOf('admin') })` or `browser.newContext`. */
export function storageStateOf(key: E2eUserKey): string {
  return path.join(AUTH_DIR, `${key}.json`);
}

/** A seeded user's email, role and password, for specs that sign in through the form. */
export function e2eUser(key: E2eUserKey): { email: string; password: string; role: string } {
  const users = JSON.parse(fs.readFileSync(path.join(AUTH_DIR, 'users.json'), 'utf8')) as Array<{
    key: string;
    email: string;
    password: string;
    role: string;
  }>;
  const user = users.find((u) => u.key === key);
  if (!user) throw new Error(`no seeded e2e user ${key}`);
  return user;
}

/** Browser state of a visitor who is not signed in. */
export const ANONYMOUS = { cookies: [], origins: [] };
