import path from 'node:path';
import { ANONYMOUS, expect, test } from './fixtures';
import { startOwnServer, type OwnServer } from './own-server';

// /setup exists only while no user does, and the shared e2e server has seeded users: this spec serves the same build
// a second time on an empty database of its own.
const PORT = Number(process.env.E2E_PORT || 3100) + 50;
const ORIGIN = `http://127.0.0.1:${PORT}`;
let server: OwnServer | undefined;

test.use({ storageState: ANONYMOUS });

test.beforeAll(async () => {
  server = await startOwnServer({ port: PORT, dataDir: path.resolve('reports/e2e-setup-data') });
});

test.afterAll(() => server?.stop());

test('the first-run setup keeps what was typed on a validation error, ties each error to its field, then creates the admin', async ({
  page,
}) => {
  await page.goto(`${ORIGIN}/setup`);
  await expect(page).toHaveTitle(/Set up/);
  await page.getByTestId('setup-name').fill('Ada Admin');
  await page.getByTestId('setup-email').fill('ada@example.com');
  await page.getByTestId('setup-password').fill('short');
  await page.getByTestId('setup-confirm').fill('different');
  await page.getByTestId('setup-submit').click();

  const password = page.getByTestId('setup-password');
  await expect(page.getByTestId('setup-password-error')).toBeVisible();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAttribute('aria-describedby', 'setup-password-error');
  await expect(page.getByTestId('setup-name')).toHaveValue('Ada Admin');
  await expect(page.getByTestId('setup-email')).toHaveValue('ada@example.com');

  await password.fill('a long enough password');
  await page.getByTestId('setup-confirm').fill('a long enough password');
  await page.getByTestId('setup-submit').click();
  await expect(page).toHaveURL(/\/sign-in\?setup=done/);
  // Once a user exists the setup page is gone for good.
  await page.goto(`${ORIGIN}/setup`);
  await expect(page).toHaveURL(/\/sign-in/);
});
