import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The bundled review's model hard-codes availability zones: its subnets (and what points at them) are replaced, its
// missing resources destroyed. The public subnet below carries a hardcoded-availability-zones finding.
const SUBNET = 'NetworkVpcPublicSubnet1Subnet36933139';
const SUBNET_MODEL_ID = 'MyVpcPublicSubnetSubnet1Subnet60D1320D';
const FUNCTION = 'ComputeFunction2E617D01';
const REMOVED_QUEUE = 'ComputeDeadLetterQueue84FF6CEB';

/** Every resource row shown on the diff page. */
const rows = (page: Page) => page.getByTestId('diff-resources').locator(':scope > li');

/** Opens a resource row and returns it. */
async function expand(row: Locator): Promise<Locator> {
  await row.locator('summary').first().click();
  await expect(row.getByTestId('diff-row-details')).toHaveAttribute('open', '');
  return row;
}

/** The values of one attribute over all matches. */
const attributeValues = (locator: Locator, name: string) =>
  locator.evaluateAll((els, n) => els.map((el) => el.getAttribute(n) ?? ''), name);

test.describe('the diff page reads better than cdk diff', () => {
  test('marks every nested line [+] [-] [~] in its colour, added and removed objects line by line', async ({ diffPage }) => {
    await diffPage.goto();
    const fn = await expand(diffPage.page.getByTestId(`diff-resource-${FUNCTION}`));
    const lines = fn.getByTestId('diff-nested-line');
    expect(await lines.count()).toBeGreaterThan(3);
    const markers = { added: '[+]', removed: '[-]', updated: '[~]' } as const;
    for (const line of await lines.all()) {
      const change = (await line.getAttribute('data-change')) as keyof typeof markers;
      await expect(line).toContainText(markers[change]);
    }

    const queue = await expand(diffPage.page.getByTestId(`diff-resource-${REMOVED_QUEUE}`));
    await expect(queue.getByTestId('diff-marker').first()).toHaveText('[-]');
    const properties = queue.getByTestId('diff-property');
    expect(await attributeValues(properties, 'data-change')).toEqual(Array(await properties.count()).fill('removed'));
    const removedColor = await queue
      .getByTestId('diff-marker')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    const updatedColor = await fn
      .getByTestId('diff-marker')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(removedColor).not.toBe(updatedColor);
  });

  test('flags replacements and destroys, each linked to its entry', async ({ diffPage }) => {
    await diffPage.goto();
    const callout = diffPage.page.getByTestId('diff-destructive');
    await expect(callout).toBeVisible();
    expect(await attributeValues(callout.getByTestId('diff-destructive-group'), 'data-impact')).toEqual(['replace', 'destroy', 'orphan']);
    const subnet = diffPage.page.getByTestId(`diff-resource-${SUBNET}`);
    await expect(subnet.getByTestId('impact-badge').first()).toHaveAttribute('data-impact', 'replace');
    await callout.getByRole('link', { name: SUBNET }).click();
    await expect(diffPage.page).toHaveURL(new RegExp(`#diff-${SUBNET}$`));
    await expect(subnet.getByTestId('diff-row-details')).toHaveAttribute('open', '');
    await expect(subnet).toBeInViewport();
  });

  test('IAM and security group tables keep cells on one line and scroll inside their frame', async ({ diffPage }) => {
    await diffPage.page.setViewportSize({ width: 1024, height: 800 });
    await diffPage.goto();
    for (const id of ['iam-table', 'security-group-table']) {
      const cell = diffPage.page.getByTestId(id).locator('td').nth(1);
      expect(await cell.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre');
    }
    const frame = diffPage.page.getByTestId('iam-table-scroll');
    const { scrollWidth, clientWidth } = await frame.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth, 'the IAM table is wider than its frame').toBeGreaterThan(clientWidth);
    const page = await diffPage.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(page.scroll, 'the page itself does not scroll sideways').toBeLessThanOrEqual(page.width);
  });

  test('on a 390 px wide screen the diff fits, and only its tables scroll sideways', async ({ diffPage }) => {
    await diffPage.page.setViewportSize({ width: 390, height: 844 });
    await diffPage.goto();
    await diffPage.page.getByTestId('diff-expand-all').click();
    const view = diffPage.page.getByTestId('diff-view');
    const fits = await view.evaluate((el) => ({ right: el.getBoundingClientRect().right, scroll: el.scrollWidth, client: el.clientWidth }));
    expect(fits.right).toBeLessThanOrEqual(390);
    expect(fits.scroll, 'nothing inside the diff is wider than it').toBeLessThanOrEqual(fits.client);
    const frame = diffPage.page.getByTestId('security-group-table-scroll');
    expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  });
});

test.describe('search and filters of the diff page', () => {
  test('search by text keeps its state in the URL, and the shared URL shows the same view', async ({ diffPage, browser }) => {
    await diffPage.goto();
    const total = await rows(diffPage.page).count();
    await diffPage.page.getByTestId('diff-search').fill('PublicSubnet1');
    await expect(diffPage.page).toHaveURL(/[?&]q=PublicSubnet1/);
    await expect(diffPage.page.getByTestId('diff-shown-count')).toBeVisible();
    const shown = await rows(diffPage.page).count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    for (const id of await attributeValues(rows(diffPage.page), 'data-testid')) expect(id).toContain('PublicSubnet1');

    // A property path finds the resources that change it.
    await diffPage.page.getByTestId('diff-search').fill('Properties.AvailabilityZone');
    await expect(diffPage.page).toHaveURL(/q=Properties\.AvailabilityZone/);
    await expect(rows(diffPage.page)).toHaveCount(4);
    expect(await attributeValues(rows(diffPage.page), 'data-type')).toEqual(Array(4).fill('AWS::EC2::Subnet'));

    const shared = await browser.newContext({ storageState: await diffPage.page.context().storageState() });
    const other = await shared.newPage();
    await other.goto(diffPage.page.url());
    await expect(other.getByTestId('diff-search')).toHaveValue('Properties.AvailabilityZone');
    await expect(rows(other)).toHaveCount(4);
    await shared.close();
  });

  test('filters by type, by change kind and to resources with findings; clearing shows everything', async ({ diffPage }) => {
    await diffPage.goto();
    const page = diffPage.page;
    const total = await rows(page).count();

    await page.getByTestId('diff-type-filter').selectOption('AWS::Lambda::Permission');
    await expect(page).toHaveURL(/type=AWS%3A%3ALambda%3A%3APermission/);
    await expect(rows(page)).toHaveCount(4);

    await page.getByTestId('diff-type-filter').selectOption('');
    await page.getByTestId('diff-kind-replaced').check();
    await expect(page).toHaveURL(/change=replaced/);
    await expect(page.getByTestId('diff-shown-count')).toBeVisible();
    for (const impact of await attributeValues(rows(page), 'data-impact')) expect(['replace', 'may-replace']).toContain(impact);

    await page.getByTestId('diff-kind-removed').check();
    await expect(page).toHaveURL(/change=removed/);
    const kinds = new Set(await attributeValues(rows(page), 'data-change'));
    expect([...kinds].sort()).toEqual(['removed', 'updated']);

    await page.getByTestId('diff-clear-filters').click();
    await expect(rows(page)).toHaveCount(total);
    await page.getByTestId('diff-findings-only').check();
    await expect(page).toHaveURL(/findings=1/);
    await expect(page.getByTestId('diff-shown-count')).toBeVisible();
    for (const count of await attributeValues(rows(page), 'data-findings')) expect(Number(count)).toBeGreaterThan(0);
    await expect(page.getByTestId(`diff-resource-${SUBNET}`)).toBeVisible();
    await expect(page.getByTestId(`diff-resource-${REMOVED_QUEUE}`)).toHaveCount(0);
  });

  test('expands and collapses every resource at once', async ({ diffPage }) => {
    await diffPage.goto();
    const details = diffPage.page.getByTestId('diff-row-details');
    await diffPage.page.getByTestId('diff-expand-all').click();
    expect(await attributeValues(details, 'open')).toEqual(Array(await details.count()).fill(''));
    await diffPage.page.getByTestId('diff-collapse-all').click();
    await expect(diffPage.page.locator('[data-testid="diff-row-details"][open]')).toHaveCount(0);
  });
});

test.describe('findings and the diff link to each other', () => {
  test('a finding card links to its diff entry and its source line; the entry and the line link back to the card', async ({
    reviewPage,
  }) => {
    const page = reviewPage.page;
    await reviewPage.goto();
    const finding = reviewPage
      .findings({ side: 'model', rule: 'hardcoded-availability-zones' })
      .filter({ has: page.getByTestId('finding-where').getByText(SUBNET_MODEL_ID) });
    await reviewPage.open(finding);
    const source = finding.getByTestId('finding-source-link').first();
    await expect(source).toHaveAttribute('href', '/review/bundled/source?side=model&file=infra%2Fmodel%2Fmodel.template.json#L21');
    const cardId = await finding.getAttribute('id');
    expect(cardId).toMatch(/^finding-[0-9a-f]{20}$/);

    await finding.getByTestId('finding-diff-link').click();
    await expect(page).toHaveURL(new RegExp(`/diff#diff-${SUBNET}$`));
    const entry = page.locator(`#diff-${SUBNET}`);
    await expect(entry.getByTestId('diff-row-details')).toHaveAttribute('open', '');
    await expect(entry).toBeInViewport();

    const back = entry.getByTestId('diff-entry-findings').locator(`a[href="/#${cardId}"]`);
    await expect(back).toContainText('hardcoded-availability-zones');
    await back.click();
    await expect(page).toHaveURL(new RegExp(`/#${cardId}$`));
    const card = page.locator(`#${cardId}`);
    await expect(card).toHaveAttribute('open', '');
    await expect(card).toBeInViewport();

    // The source line the card links to links back to the card.
    await page.goto('/review/bundled/source?side=model&file=infra%2Fmodel%2Fmodel.template.json#L21');
    const fromLine = page.getByTestId('source-findings-21').locator(`a[href="/#${cardId}"]`);
    await expect(fromLine).toHaveText('hardcoded-availability-zones');
    await fromLine.click();
    await expect(page).toHaveURL(new RegExp(`/#${cardId}$`));
    await expect(page.locator(`#${cardId}`)).toHaveAttribute('open', '');
  });

  test('finding text renders its markdown: code spans are code', async ({ reviewPage }) => {
    await reviewPage.goto();
    const finding = await reviewPage.open(reviewPage.findings({ side: 'model', rule: 'iam-least-privilege' }).first());
    const problem = reviewPage.explanationOf(finding).getByTestId('finding-problem');
    await expect(problem.locator('code').filter({ hasText: 'dynamodb:*' })).toBeVisible();
    await expect(problem).not.toContainText('`');
  });
});
