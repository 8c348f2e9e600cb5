import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dialects, useMigratedDb } from '../db/test-dialects';
import { createAuth, type Auth } from './auth';
import { SIGN_IN_RATE_LIMIT } from './options';
import { resolveAuthSecret } from './state';
import { createUser } from './users';

const APP = 'http://app.test';

/** A POST to better-auth's HTTP handler, as a browser on the app's origin would send it. */
function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${APP}/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: APP, ...headers },
    body: JSON.stringify(body),
  });
}

describe.each(dialects())('sign-in with email and password on $name', (dialect) => {
  const db = useMigratedDb(dialect);
  let auth: Auth;
  const password = 'correct horse battery';

  beforeAll(async () => {
    auth = createAuth(db.handle, { secret: await resolveAuthSecret(db.handle, undefined), config: { baseURL: APP, trustedProxies: [] } });
    await createUser(auth, { email: 'Ada@Example.com', name: 'Ada', password, role: 'reviewer' });
  });

  it('signs in with the right password and sets an httpOnly, SameSite=Lax session cookie', async () => {
    const response = await auth.handler(
      post('/sign-in/email', { email: 'ada@example.com', password }, { 'x-forwarded-for': '198.51.100.1' }),
    );
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('infra-review.session_token='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const user = (await response.json()).user;
    expect(user).toMatchObject({ email: 'ada@example.com', role: 'reviewer' });
  });

  it('refuses a wrong password with 401 and no cookie', async () => {
    const response = await auth.handler(
      post('/sign-in/email', { email: 'ada@example.com', password: 'wrong password!!' }, { 'x-forwarded-for': '198.51.100.2' }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('limits sign-in attempts per client IP, counted in the database', async () => {
    const attempt = () =>
      auth.handler(
        post('/sign-in/email', { email: 'ada@example.com', password: 'guess guess guess' }, { 'x-forwarded-for': '198.51.100.3' }),
      );
    const statuses = [];
    for (let i = 0; i <= SIGN_IN_RATE_LIMIT.max; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, SIGN_IN_RATE_LIMIT.max).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // The right password is refused too until the window passes.
    const blocked = await auth.handler(
      post('/sign-in/email', { email: 'ada@example.com', password }, { 'x-forwarded-for': '198.51.100.3' }),
    );
    expect(blocked.status).toBe(429);
    const rows = await sql<{ n: number }>`select count(*) as n from ${sql.table('rateLimit')}`.execute(db.handle.db);
    expect(Number(rows.rows[0].n)).toBeGreaterThan(0);
  });

  it('has no public sign-up', async () => {
    const response = await auth.handler(
      post(
        '/sign-up/email',
        { email: 'eve@example.com', name: 'Eve', password: 'a long enough password' },
        { 'x-forwarded-for': '198.51.100.4' },
      ),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    const ctx = await auth.$context;
    expect(await ctx.internalAdapter.findUserByEmail('eve@example.com')).toBeNull();
  });

  it('stores a scrypt hash, never the password', async () => {
    const ctx = await auth.$context;
    const found = await ctx.internalAdapter.findUserByEmail('ada@example.com', { includeAccounts: true });
    const hash = found?.accounts.find((a) => a.providerId === 'credential')?.password;
    expect(hash).toBeTruthy();
    expect(hash).not.toContain(password);
    expect(await ctx.password.verify({ hash: hash!, password })).toBe(true);
  });

  it('refuses passwords shorter than 12 characters and duplicate emails', async () => {
    await expect(createUser(auth, { email: 'bob@example.com', name: 'Bob', password: 'short', role: 'viewer' })).rejects.toMatchObject({
      code: 'bad_request:input',
    });
    await expect(createUser(auth, { email: 'ADA@example.com', name: 'Ada 2', password, role: 'viewer' })).rejects.toMatchObject({
      code: 'conflict:state',
    });
  });
});
