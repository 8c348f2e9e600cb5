import { test as base, expect } from '@playwright/test';
import type { ReviewFinding } from '../lib/review/types';
import { DiffPage, ReviewPage } from './pages';

/** Test fixtures: page objects, and the bundled review's findings as the API serves them. */
export const test = base.extend<{ reviewPage: ReviewPage; diffPage: DiffPage; apiFindings: ReviewFinding[] }>({
  reviewPage: async ({ page }, use) => {
    await use(new ReviewPage(page));
  },
  diffPage: async ({ page }, use) => {
    await use(new DiffPage(page));
  },
  apiFindings: async ({ request }, use) => {
    const response = await request.get('/api/reviews/bundled/findings', { timeout: 90_000 });
    expect(response.ok(), `GET /api/reviews/bundled/findings: ${response.status()}`).toBe(true);
    const body = (await response.json()) as { findings: ReviewFinding[] };
    await use(body.findings);
  },
});

export { expect };
