import { expect, type Locator, type Page } from '@playwright/test';

/** The review page (`/`): categories, counts, findings, all by data-testid. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  /** Opens the home page and waits for the review to render (the first run synthesizes the reference). */
  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByTestId('total-model')).toBeVisible({ timeout: 90_000 });
  }

  /** Every category section, in page order. */
  categories(): Locator {
    return this.page.locator('section[data-testid^="category-"]');
  }

  /** The section of one category. */
  category(category: string): Locator {
    return this.page.getByTestId(`category-${category}`);
  }

  /** The exact unacknowledged count shown for a category and side. */
  async count(category: string, side: 'model' | 'reference'): Promise<number> {
    return Number(await this.page.getByTestId(`count-${category}-${side}`).textContent());
  }

  /** All findings, optionally narrowed to a side and a rule. */
  findings(filter: { side?: 'model' | 'reference'; rule?: string; acknowledged?: boolean } = {}): Locator {
    let selector = '[data-testid="finding"]';
    if (filter.side) selector += `[data-side="${filter.side}"]`;
    if (filter.rule) selector += `[data-rule="${filter.rule}"]`;
    if (filter.acknowledged !== undefined) selector += `[data-acknowledged="${filter.acknowledged}"]`;
    return this.page.locator(selector);
  }

  /** Opens a finding's `<details>` by clicking its summary and returns the finding. */
  async open(finding: Locator): Promise<Locator> {
    await finding.locator(':scope > summary').click();
    await expect(finding).toHaveAttribute('open', '');
    return finding;
  }
}

/** The full diff page (`/diff`). */
export class DiffPage {
  constructor(readonly page: Page) {}

  /** Opens `/diff` and waits for the diff view. */
  async goto(): Promise<void> {
    await this.page.goto('/diff');
    await expect(this.page.getByTestId('diff-view')).toBeVisible({ timeout: 90_000 });
  }

  /** The IAM statement table. */
  iamTable(): Locator {
    return this.page.getByTestId('iam-table');
  }
}
