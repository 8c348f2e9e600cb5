import { expect, type Locator, type Page } from '@playwright/test';

/** What the finding helpers filter on: a side, a rule, whether the finding is acknowledged. */
type FindingFilter = { side?: 'model' | 'reference'; rule?: string; acknowledged?: boolean };

/** A page of the app, opened at `path` and ready once `readyTestId` is visible (the first run synthesizes the reference). */
abstract class AppPage {
  constructor(
    readonly page: Page,
    private readonly path: string,
    private readonly readyTestId: string,
  ) {}

  /** Opens the page and waits until it has rendered. */
  async goto(): Promise<void> {
    await this.page.goto(this.path);
    await expect(this.page.getByTestId(this.readyTestId)).toBeVisible({ timeout: 90_000 });
  }
}

/** The review page (`/`): categories, counts, findings and their rule groups, all by data-testid. */
export class ReviewPage extends AppPage {
  constructor(page: Page) {
    super(page, '/', 'total-model');
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

  /** All findings (grouped or not), optionally narrowed to a side, a rule and acknowledgement. */
  findings(filter: FindingFilter = {}): Locator {
    return this.page.locator(`[data-testid="finding"]${attributes(filter)}`);
  }

  /** The groups of repeated findings, optionally narrowed to a side and a rule. */
  groups(filter: Omit<FindingFilter, 'acknowledged'> = {}): Locator {
    return this.page.locator(`[data-testid="finding-group"]${attributes(filter)}`);
  }

  /** The group a finding sits in; empty when its rule has a single finding on that side. */
  groupOf(finding: Locator): Locator {
    return finding.locator('xpath=ancestor::details[@data-testid="finding-group"]');
  }

  /** Where a finding's Problem/Impact/Fix (or cloudformation-validate note) is shown: its group if it has one, else itself. */
  explanationOf(finding: Locator): Locator {
    return this.groupOf(finding).or(finding).first();
  }

  /** Opens a finding's `<details>` (first its group's, when it has one) and returns the finding. */
  async open(finding: Locator): Promise<Locator> {
    const group = this.groupOf(finding);
    if ((await group.count()) > 0) await openDetails(group);
    return openDetails(finding);
  }
}

/** The full diff page (`/diff`). */
export class DiffPage extends AppPage {
  constructor(page: Page) {
    super(page, '/diff', 'diff-view');
  }

  /** The IAM statement table. */
  iamTable(): Locator {
    return this.page.getByTestId('iam-table');
  }
}

/** The sign-in page (`/sign-in`): email, password, error message. */
export class SignInPage {
  constructor(readonly page: Page) {}

  /** Opens the sign-in form. */
  async goto(): Promise<void> {
    await this.page.goto('/sign-in');
    await expect(this.page.getByTestId('sign-in-form')).toBeVisible();
  }

  /** Fills and submits the form. */
  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByTestId('sign-in-email').fill(email);
    await this.page.getByTestId('sign-in-password').fill(password);
    await this.page.getByTestId('sign-in-submit').click();
  }

  /** The error shown after a failed attempt. */
  error(): Locator {
    return this.page.getByTestId('sign-in-error');
  }
}

/** An audit session's page (`/sessions/<id>`): header, presence, progress, findings with verdicts and comments, sign-off. */
export class SessionPage extends AppPage {
  constructor(
    page: Page,
    readonly sessionId: string,
  ) {
    super(page, `/sessions/${sessionId}`, 'session-page');
  }

  /** Opens the page and waits until its live connection is up (events sent before that would not reach it). */
  async gotoLive(): Promise<void> {
    await this.goto();
    await expect(this.page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
  }

  /** The "Open" / "Closed" badge. */
  status(): Locator {
    return this.page.getByTestId('session-page').getByTestId('session-status');
  }

  /** Expands every rule row, so that each finding's own row (with its own verdict) shows. */
  async expandAll(): Promise<void> {
    await this.page.getByTestId('expand-all').click();
    await expect(this.page.getByTestId('expand-all')).toHaveText('Collapse all');
  }

  /** One row per problem: a rule's findings on a side (`data-rule`, `data-side`, `data-keys`). */
  ruleRow(rule: string, side: 'model' | 'reference' = 'model'): Locator {
    return this.page.locator(`[data-testid="session-rule"][data-side="${side}"][data-rule="${rule}"]`);
  }

  /** "<judged> / <total> judged". */
  progress(): Locator {
    return this.page.getByTestId('progress');
  }

  /** One entry per participant connected to the session. */
  presenceUsers(): Locator {
    return this.page.getByTestId('presence').getByTestId('presence-user');
  }

  /** Pinned findings, optionally narrowed to a side and a rule. */
  findings(filter: Omit<FindingFilter, 'acknowledged'> = {}): Locator {
    return this.page.locator(`[data-testid="session-finding"]${attributes(filter)}`);
  }

  /** The pinned finding with this session key. */
  finding(key: string): Locator {
    return this.page.locator(`[data-testid="session-finding"][data-key="${key}"]`);
  }

  /** A finding's button for one verdict (`confirmed`, `false_positive`, `accepted_risk`, `needs_discussion`). */
  verdictButton(finding: Locator, verdict: string): Locator {
    return finding.getByTestId(`verdict-${verdict}`);
  }

  /** Records my verdict on a finding and waits until the live update marks it as mine. */
  async setVerdict(finding: Locator, verdict: string): Promise<void> {
    await this.verdictButton(finding, verdict).click();
    await expect(this.verdictButton(finding, verdict)).toHaveAttribute('aria-pressed', 'true');
  }

  /** Everybody's verdicts on a finding ("alice: Confirmed"). */
  verdictEntries(finding: Locator): Locator {
    return finding.getByTestId('verdict-entry');
  }

  /** A finding's comments, oldest first. */
  comments(finding: Locator): Locator {
    return finding.getByTestId('comment');
  }

  /** Posts a markdown comment on a finding and waits until the form has cleared. */
  async comment(finding: Locator, body: string): Promise<void> {
    await finding.getByTestId('comment-input').fill(body);
    await finding.getByTestId('comment-submit').click();
    await expect(finding.getByTestId('comment-input')).toHaveValue('');
  }

  /** My sign-off button (absent once I signed off, for viewers, and in a closed session). */
  signOffButton(): Locator {
    return this.page.getByTestId('signoff-button');
  }

  /** The export link of a format. */
  exportLink(format: 'md' | 'json'): Locator {
    return this.page.getByTestId(`export-${format}`);
  }
}

/** Attribute selectors for a finding filter. */
function attributes(filter: FindingFilter): string {
  let selector = '';
  if (filter.side) selector += `[data-side="${filter.side}"]`;
  if (filter.rule) selector += `[data-rule="${filter.rule}"]`;
  if (filter.acknowledged !== undefined) selector += `[data-acknowledged="${filter.acknowledged}"]`;
  return selector;
}

/** Opens a native `<details>` by clicking its own summary (unless it is already open) and returns it. */
async function openDetails(details: Locator): Promise<Locator> {
  if ((await details.getAttribute('open')) === null) await details.locator(':scope > summary').click();
  await expect(details).toHaveAttribute('open', '');
  return details;
}
