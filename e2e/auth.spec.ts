import { ANONYMOUS, e2eUser, expect, test } from './fixtures';
import { SignInPage } from './pages';

test.describe('signing in', () => {
  test.use({ storageState: ANONYMOUS });

  test('an anonymous visitor is sent to the sign-in page, and the API answers 401', async ({ page }) => {
    await page.goto('/diff');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fdiff$/);
    await expect(page.getByTestId('sign-in-form')).toBeVisible();
    expect((await page.request.get('/api/reviews')).status()).toBe(401);
    expect((await page.request.get('/api/openapi.json')).status()).toBe(401);
    expect((await page.request.get('/api/health')).status()).toBe(200);
  });

  test('a wrong password shows an error and signs no one in', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(e2eUser('reviewer').email, 'not the right password');
    await expect(signIn.error()).toHaveText('Wrong email or password.');
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.context().cookies()).some((c) => c.name.includes('session_token'))).toBe(false);
  });

  test('the right password signs in, returns to the page asked for, and shows the user and role', async ({ page }) => {
    const user = e2eUser('reviewer');
    await page.goto('/diff');
    await new SignInPage(page).signIn(user.email, user.password);
    // The first page the server renders may synthesize the reference (seconds, more on two busy cores).
    await expect(page).toHaveURL(/\/diff$/, { timeout: 90_000 });
    await expect(page.getByTestId('user-role')).toHaveText('reviewer');
    const session = (await page.context().cookies()).find((c) => c.name.endsWith('session_token'));
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    await page.getByTestId('sign-out').click();
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe('security headers', () => {
  test('every page carries CSP, frame-ancestors, nosniff and referrer policy', async ({ page }) => {
    const response = await page.goto('/sign-in');
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('same-origin');
  });

  test('a signed-in viewer sees the review; a cross-origin cookie POST to the API is refused', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('user-role')).toHaveText('viewer');
    const response = await page.request.post('/api/auth/sign-out', { headers: { origin: 'https://evil.example' }, data: {} });
    expect(response.status()).toBe(403);
  });

  test("better-auth's user and token management answer 404 to a signed-in user, so nothing changes unaudited", async ({ page }) => {
    await page.goto('/');
    for (const path of ['update-user', 'change-password', 'change-email', 'delete-user', 'revoke-sessions', 'api-key/list']) {
      const response = await page.request.post(`/api/auth/${path}`, { data: { name: 'Renamed' } });
      expect(response.status(), path).toBe(404);
    }
    expect((await page.request.get('/api/auth/get-session')).status()).toBe(200);
    await expect(page.getByTestId('user-role')).toHaveText('viewer');
  });
});
