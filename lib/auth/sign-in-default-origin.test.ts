import { beforeAll, describe, expect, it } from 'vitest';
import { dialects, useMigratedDb } from '../db/test-dialects';
import { createAuth, type Auth } from './auth';
import { resolveAuthSecret } from './state';
import { createUser } from './users';

/** A sign-in POST addressed to `host`, sent from a page on `origin`. */
function signIn(host: string, origin: string, body: unknown, cookie?: string): Request {
  return new Request(`http://${host}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', host, origin, 'x-forwarded-for': '198.51.100.40', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

// The README's start command sets no BETTER_AUTH_URL: sign-in must work on whatever host the browser uses.
describe.each(dialects().slice(0, 1))('sign-in without a configured base URL on $name', (dialect) => {
  const db = useMigratedDb(dialect);
  let auth: Auth;
  const credentials = { email: 'grace@example.com', password: 'a long enough password' };

  beforeAll(async () => {
    auth = createAuth(db.handle, { secret: await resolveAuthSecret(db.handle, undefined), config: { trustedProxies: [] } });
    await createUser(auth, { ...credentials, name: 'Grace', role: 'viewer' });
  });

  // A browser that has visited the app sends its cookies along, and better-auth checks the origin of such requests.
  it('accepts a sign-in from the page of the host the browser addressed', async () => {
    const response = await auth.handler(signIn('127.0.0.1:3555', 'http://127.0.0.1:3555', credentials, 'infra-review.other=1'));
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().some((c) => c.startsWith('infra-review.session_token='))).toBe(true);
  });

  it('refuses a sign-in posted from another site', async () => {
    const response = await auth.handler(signIn('127.0.0.1:3555', 'http://evil.example', credentials, 'infra-review.other=1'));
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});
