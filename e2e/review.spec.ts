import { CATALOG } from '../lib/rules/catalog';
import { CATEGORIES } from '../lib/rules/types';
import { expect, test } from './fixtures';

/** Catalog and finding text as the page shows it: markdown, so code spans lose their backticks. */
const rendered = (markdown: string) => markdown.replace(/`/g, '');

/** The seed's categories and headings, in its order. */
const SEED_CATEGORIES = [
  ['syntax', 'Syntax Issues'],
  ['deployment', 'Deployment-Time Errors'],
  ['security', 'Security Concerns'],
  ['performance', 'Performance Considerations'],
  ['observability', 'Observability and Monitoring'],
] as const;

/** The 14 failures of the seed review, by rule id. */
const SEED_RULES = [
  'cdk-v1-imports',
  'hardcoded-availability-zones',
  'lambda-table-name-env',
  'lambda-logs-permissions',
  'lambda-dead-letter-queue',
  'alarm-configuration',
  'lambda-private-subnets',
  's3-encryption-enforced',
  'iam-least-privilege',
  'lambda-provisioned-concurrency',
  'nat-gateway-redundancy',
  'api-caching',
  'lambda-log-group',
  'lambda-throttle-alarm',
] as const;

test.describe('the bundled review page', () => {
  test('shows the five categories in seed order with the seed headings', async ({ reviewPage }) => {
    await reviewPage.goto();
    const sections = reviewPage.categories();
    await expect(sections).toHaveCount(5);
    for (const [i, [category, heading]] of SEED_CATEGORIES.entries()) {
      await expect(sections.nth(i)).toHaveAttribute('data-testid', `category-${category}`);
      await expect(sections.nth(i).getByRole('heading', { level: 2 })).toHaveText(heading);
    }
  });

  test('shows both artifacts as synthesized and parsed', async ({ reviewPage }) => {
    await reviewPage.goto();
    for (const side of ['reference', 'model'] as const) {
      const card = reviewPage.page.getByTestId(`artifact-${side}`);
      await expect(card).toHaveAttribute('data-status', 'ok');
      await expect(card.getByTestId('artifact-resource-count')).toHaveText(/^[1-9]\d*$/);
    }
    await expect(reviewPage.page.getByTestId('synthesis-error')).toHaveCount(0);
  });

  test('shows per category the model counts the API reports', async ({ reviewPage, apiFindings }) => {
    await reviewPage.goto();
    const open = apiFindings.filter((f) => f.side === 'model' && !f.acknowledged);
    for (const category of CATEGORIES) {
      const expected = open.filter((f) => f.category === category).length;
      expect(await reviewPage.count(category, 'model'), `model count for ${category}`).toBe(expected);
    }
    await expect(reviewPage.page.getByTestId('total-model')).toHaveText(String(open.length));
    await expect(reviewPage.findings({ side: 'model', acknowledged: false })).toHaveCount(open.length);
  });

  test('lists each of the 14 seed failures as a model finding', async ({ reviewPage }) => {
    // The seed's 14 rules, each in the catalog (which also holds rules for other inputs: broken blocks, CDK synthesis).
    expect(SEED_RULES).toHaveLength(14);
    for (const rule of SEED_RULES) expect(Object.keys(CATALOG)).toContain(rule);
    await reviewPage.goto();
    for (const rule of SEED_RULES) {
      const finding = reviewPage.findings({ side: 'model', rule });
      await expect(finding.first(), `model finding ${rule}`).toBeAttached();
      const category = CATALOG[rule].category;
      await expect(
        reviewPage.category(category).locator(`[data-testid="finding"][data-side="model"][data-rule="${rule}"]`).first(),
      ).toBeAttached();
    }
  });

  test('the reference has no open seed finding, and its single NAT gateway is acknowledged with a reason', async ({
    reviewPage,
    apiFindings,
  }) => {
    await reviewPage.goto();
    for (const rule of SEED_RULES) {
      await expect(reviewPage.findings({ side: 'reference', rule, acknowledged: false }), `open reference ${rule}`).toHaveCount(0);
    }
    const nat = reviewPage.findings({ side: 'reference', rule: 'nat-gateway-redundancy' });
    await expect(nat).toHaveCount(1);
    await expect(nat).toHaveAttribute('data-acknowledged', 'true');
    await expect(nat.getByTestId('acknowledged-badge')).toHaveText('acknowledged');
    const reason = apiFindings.find((f) => f.side === 'reference' && f.rule === 'nat-gateway-redundancy')?.acknowledged?.reason;
    expect(reason, 'acknowledgement reason from the API').toBeTruthy();
    await expect(nat.getByTestId('acknowledged-reason')).toHaveText(reason!);
    await expect(reviewPage.page.getByTestId('acknowledged-performance-reference')).toHaveText(/^\d+ acknowledged$/);
  });

  test('an opened finding explains itself and shows its evidence in the diff', async ({ reviewPage, apiFindings }) => {
    await reviewPage.goto();
    const finding = await reviewPage.open(reviewPage.findings({ side: 'model', rule: 'iam-least-privilege' }).first());
    const entry = CATALOG['iam-least-privilege'];
    const explanation = reviewPage.explanationOf(finding);
    await expect(explanation.getByTestId('finding-problem')).toContainText(rendered(entry.problem));
    await expect(explanation.getByTestId('finding-impact')).toContainText(rendered(entry.impact));
    await expect(explanation.getByTestId('finding-fix')).toContainText(rendered(entry.fix));
    await expect(finding.getByTestId('finding-evidence').getByTestId('evidence-item').first()).toBeVisible();

    const fromApi = apiFindings.find((f) => f.side === 'model' && f.rule === 'iam-least-privilege');
    expect(fromApi?.resources.length, 'iam-least-privilege concerns resources').toBeGreaterThan(0);
    await expect(finding.getByTestId('finding-message')).toHaveText(rendered(fromApi!.message));
    const diff = finding.getByTestId('finding-diff');
    await expect(diff.locator('[data-testid^="diff-resource-"]').first()).toBeVisible();
    const shown = await diff
      .locator('[data-testid^="diff-resource-"]')
      // A pair the model names otherwise is one entry under the reference ID; the model's own is data-model-logical-id.
      .evaluateAll((els) =>
        els.map((el) => el.getAttribute('data-model-logical-id') ?? el.getAttribute('data-testid')!.slice('diff-resource-'.length)),
      );
    expect(
      shown.every((id) => fromApi!.resources.includes(id)),
      `diff entries ${shown} belong to the finding`,
    ).toBe(true);
  });

  test('a finding of the synthesized reference shows its construct path and the source line that created it', async ({
    reviewPage,
    apiFindings,
  }) => {
    const fromApi = apiFindings.find((f) => f.side === 'reference' && f.rule === 'nat-gateway-redundancy');
    expect(fromApi?.constructPath).toMatch(/\/Vpc\//);
    await reviewPage.goto();
    const finding = await reviewPage.open(reviewPage.findings({ side: 'reference', rule: 'nat-gateway-redundancy' }).first());
    await expect(finding.getByTestId('finding-construct-path')).toHaveText(fromApi!.constructPath!);
    await expect(finding.getByTestId('finding-construct-location')).toContainText(
      `${fromApi!.constructLocation!.file}:${fromApi!.constructLocation!.line}`,
    );
  });

  test('a cloudformation-validate finding says who reported it', async ({ reviewPage, apiFindings }) => {
    const external = apiFindings.find((f) => f.source === 'cloudformation-validate');
    test.skip(!external, 'the review has no cloudformation-validate finding');
    await reviewPage.goto();
    const finding = await reviewPage.open(reviewPage.findings({ side: external!.side, rule: external!.rule }).first());
    const explanation = reviewPage.explanationOf(finding);
    await expect(explanation.getByTestId('finding-external').first()).toContainText('@aws/cloudformation-validate');
    await expect(explanation.getByTestId('finding-problem')).toHaveCount(0);
    await expect(finding.getByTestId('finding-message')).not.toBeEmpty();
  });

  test('repeated findings of a rule form one group that says how many there are', async ({ reviewPage, apiFindings }) => {
    const expected = apiFindings.filter((f) => f.side === 'model' && f.rule === 'cdk-v1-imports').length;
    expect(expected, 'model cdk-v1-imports findings from the API').toBeGreaterThan(1);
    await reviewPage.goto();
    const group = reviewPage.category('syntax').locator('[data-testid="finding-group"][data-side="model"][data-rule="cdk-v1-imports"]');
    await expect(group).toHaveCount(1);
    await expect(group.getByTestId('finding-group-count')).toHaveText(`×${expected}`);
    await expect(group.getByTestId('finding')).toHaveCount(expected);
    await expect(reviewPage.findings({ side: 'model', rule: 'cdk-v1-imports' })).toHaveCount(expected);

    const second = await reviewPage.open(reviewPage.findings({ side: 'model', rule: 'cdk-v1-imports' }).nth(1));
    await expect(group).toHaveAttribute('open', '');
    await expect(second.getByTestId('finding-message')).toBeVisible();
    // The explanation is shown once, by the group, not repeated in each finding.
    await expect(group.getByTestId('finding-problem')).toHaveCount(1);
    await expect(reviewPage.explanationOf(second).getByTestId('finding-problem')).toContainText(
      rendered(CATALOG['cdk-v1-imports'].problem),
    );
  });
});

test.describe('the diff page', () => {
  test('shows the full diff with the IAM statement changes', async ({ diffPage }) => {
    await diffPage.goto();
    await expect(diffPage.page.getByRole('heading', { level: 1 })).toContainText(/diff/i);
    await expect(diffPage.page.locator('[data-testid^="diff-resource-"]').first()).toBeVisible();
    const iam = diffPage.iamTable();
    await expect(iam).toBeVisible();
    // The model's broad grant is added; the reference's scoped table access is what it replaces.
    await expect(iam.locator('tr[data-change="added"]').filter({ hasText: 'dynamodb:*' })).toHaveCount(1);
    await expect(iam.locator('tr[data-change="removed"]').filter({ hasText: 'dynamodb:GetItem' }).first()).toBeVisible();
  });
});
