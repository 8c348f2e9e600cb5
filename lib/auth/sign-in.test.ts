import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dialects, useMigratedDb } from '../db/test-dialects';
import { SIGN_IN_ACCOUNT_LIMIT } from './account-limit';
import { createAuth, type Auth } from './auth';
import { CLIENT_ADDRESS_HEADER } from './client-address';
import type { AuthConfig } from './config';
import { authRequest } from './http';
import { SIGN_IN_RATE_LIMIT, SIGN_IN_SHARED_RATE_LIMIT } from './options';
import { resolveAuthSecret } from './state';
import { createUser } from './users';

const APP = 'http://app.test';
const PROXIED: AuthConfig = { baseURL: APP, trustedProxies: ['10.0.0.0/8'] };
const DIRECT: AuthConfig = { baseURL: APP, trustedProxies: [] };
const password = 'correct horse battery';

/** A POST to the app's auth route, as a browser on the app's origin would send it. */
function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${APP}/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: APP, ...headers },
    body: JSON.stringify(body),
  });
}

/** One auth instance with `config` on a fresh database of the dialect, and Ada (a reviewer) on it. */
function useAuth(dialect: ReturnType<typeof dialects>[number], config: AuthConfig) {
  const db = useMigratedDb(dialect);
  const state = { auth: undefined as unknown as Auth, db };
  beforeAll(async () => {
    state.auth = createAuth(db.handle, { secret: await resolveAuthSecret(db.handle, undefined), config });
    await createUser(state.auth, { email: 'Ada@Example.com', name: 'Ada', password, role: 'reviewer' });
  });
  const signIn = (body: { email: string; password: string }, forwardedFor?: string, headers: Record<string, string> = {}) =>
    authRequest(
      state.auth,
      post('/sign-in/email', body, { ...headers, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) }),
      config,
    );
  return { state, signIn };
}

describe.each(dialects())('sign-in with email and password on $name', (dialect) => {
  const { state, signIn } = useAuth(dialect, PROXIED);

  it('signs in with the right password and sets an httpOnly, SameSite=Lax session cookie', async () => {
    const response = await signIn({ email: 'ada@example.com', password }, '198.51.100.1');
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('infra-review.session_token='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const user = (await response.json()).user;
    expect(user).toMatchObject({ email: 'ada@example.com', role: 'reviewer' });
  });

  it('refuses a wrong password with 401 and no cookie', async () => {
    const response = await signIn({ email: 'ada@example.com', password: 'wrong password!!' }, '198.51.100.2');
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('limits sign-in attempts per client IP behind a trusted proxy, counted in the database', async () => {
    const statuses = [];
    for (let i = 0; i <= SIGN_IN_RATE_LIMIT.max; i++) {
      statuses.push((await signIn({ email: `nobody-${i}@example.com`, password: 'guess guess guess' }, '198.51.100.3, 10.0.0.7')).status);
    }
    expect(statuses.slice(0, SIGN_IN_RATE_LIMIT.max).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // The right password is refused too until the window passes; another address is not affected.
    expect((await signIn({ email: 'ada@example.com', password }, '198.51.100.3, 10.0.0.7')).status).toBe(429);
    expect((await signIn({ email: 'ada@example.com', password }, '198.51.100.30, 10.0.0.7')).status).toBe(200);
    const rows = await sql<{ n: number }>`select count(*) as n from ${sql.table('rateLimit')}`.execute(state.db.handle.db);
    expect(Number(rows.rows[0].n)).toBeGreaterThan(0);
  });

  it('reads the address a trusted proxy appended, so entries a client prepends do not escape the limit', async () => {
    const statuses = [];
    for (let i = 0; i <= SIGN_IN_RATE_LIMIT.max; i++) {
      const spoofed = `192.0.2.${i + 1}, 203.0.113.9, 10.1.2.3`;
      statuses.push((await signIn({ email: `spoof-${i}@example.com`, password: 'guess guess guess' }, spoofed)).status);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('locks an account after repeated failures from different addresses, even for the right password', async () => {
    await createUser(state.auth, { email: 'bob@example.com', name: 'Bob', password, role: 'viewer' });
    for (let i = 0; i < SIGN_IN_ACCOUNT_LIMIT.max; i++) {
      expect((await signIn({ email: 'Bob@Example.com', password: 'wrong password!!' }, `198.51.100.${100 + i}`)).status).toBe(401);
    }
    const locked = await signIn({ email: 'bob@example.com', password }, '198.51.100.120');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(SIGN_IN_ACCOUNT_LIMIT.window - 60);
    expect(locked.headers.getSetCookie()).toEqual([]);
    // Other accounts are not affected from the same address.
    expect((await signIn({ email: 'ada@example.com', password }, '198.51.100.120')).status).toBe(200);
  });

  it('forgets an account’s failures once it signs in with the right password', async () => {
    await createUser(state.auth, { email: 'cy@example.com', name: 'Cy', password, role: 'viewer' });
    const fail = (i: number) => signIn({ email: 'cy@example.com', password: 'wrong password!!' }, `198.51.100.${150 + i}`);
    for (let i = 0; i < SIGN_IN_ACCOUNT_LIMIT.max - 1; i++) expect((await fail(i)).status).toBe(401);
    expect((await signIn({ email: 'cy@example.com', password }, '198.51.100.160')).status).toBe(200);
    for (let i = 0; i < SIGN_IN_ACCOUNT_LIMIT.max - 1; i++) expect((await fail(i + 20)).status).toBe(401);
  });

  it('lets no more than the account limit of concurrent guesses reach the password check', async () => {
    await createUser(state.auth, { email: 'dee@example.com', name: 'Dee', password, role: 'viewer' });
    const guesses = Array.from({ length: 12 }, (_, i) =>
      signIn({ email: 'dee@example.com', password: `wrong password ${i}` }, `198.51.100.${200 + i}`),
    );
    const statuses = (await Promise.all(guesses)).map((response) => response.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(SIGN_IN_ACCOUNT_LIMIT.max);
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
  });

  it('does not count a malformed attempt as a failure, and answers a hostile email with 400 or 401', async () => {
    await createUser(state.auth, { email: 'eli@example.com', name: 'Eli', password, role: 'viewer' });
    for (let i = 0; i < SIGN_IN_ACCOUNT_LIMIT.max + 1; i++) {
      const response = await signIn({ email: 'eli@example.com', password: 12345 } as never, `198.51.100.${220 + i}`);
      expect(response.status).toBe(400);
    }
    expect((await signIn({ email: 'eli@example.com', password }, '198.51.100.230')).status).toBe(200);
    for (const email of ['eli\u0000@example.com', `${'e'.repeat(5000)}@example.com`, 'eli@example.com\n']) {
      const response = await signIn({ email, password: 'wrong password!!' }, '198.51.100.231');
      expect([400, 401], JSON.stringify(email.slice(0, 20))).toContain(response.status);
    }
  });

  it('has no public sign-up', async () => {
    const response = await authRequest(
      state.auth,
      post('/sign-up/email', { email: 'eve@example.com', name: 'Eve', password: 'a long enough password' }),
      PROXIED,
    );
    expect(response.status).toBe(404);
    const ctx = await state.auth.$context;
    expect(await ctx.internalAdapter.findUserByEmail('eve@example.com')).toBeNull();
  });

  it('stores a scrypt hash, never the password', async () => {
    const ctx = await state.auth.$context;
    const found = await ctx.internalAdapter.findUserByEmail('ada@example.com', { includeAccounts: true });
    const hash = found?.accounts.find((a) => a.providerId === 'credential')?.password;
    expect(hash).toBeTruthy();
    expect(hash).not.toContain(password);
    expect(await ctx.password.verify({ hash: hash!, password })).toBe(true);
  });

  it('refuses passwords shorter than 12 characters and duplicate emails', async () => {
    await expect(
      createUser(state.auth, { email: 'bob2@example.com', name: 'Bob', password: 'short', role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'bad_request:input' });
    await expect(createUser(state.auth, { email: 'ADA@example.com', name: 'Ada 2', password, role: 'viewer' })).rejects.toMatchObject({
      code: 'conflict:state',
    });
  });
});

describe.each(dialects())('sign-in without trusted proxies on $name', (dialect) => {
  const { signIn } = useAuth(dialect, DIRECT);

  it('ignores a rotating X-Forwarded-For: 30 wrong passwords on one account are refused after the account limit', async () => {
    const statuses = [];
    for (let i = 0; i < 30; i++) {
      statuses.push((await signIn({ email: 'ada@example.com', password: `wrong password ${i}` }, `198.51.100.${i + 1}`)).status);
    }
    expect(statuses.slice(0, SIGN_IN_ACCOUNT_LIMIT.max)).toEqual(Array(SIGN_IN_ACCOUNT_LIMIT.max).fill(401));
    expect(statuses.slice(SIGN_IN_ACCOUNT_LIMIT.max).every((s) => s === 429)).toBe(true);
  });
});

describe.each(dialects())('password spraying without trusted proxies on $name', (dialect) => {
  const { signIn } = useAuth(dialect, DIRECT);

  it('counts attempts on many accounts with rotating X-Forwarded-For (or the app’s own address header) in one shared limit', async () => {
    const statuses = [];
    for (let i = 0; i < SIGN_IN_SHARED_RATE_LIMIT.max + 5; i++) {
      const address = `203.0.113.${i + 1}`;
      const body = { email: `spray-${i}@example.com`, password: 'guess guess guess' };
      statuses.push((await signIn(body, address, { [CLIENT_ADDRESS_HEADER]: address, 'x-real-ip': address })).status);
    }
    expect(statuses.slice(0, SIGN_IN_SHARED_RATE_LIMIT.max)).toEqual(Array(SIGN_IN_SHARED_RATE_LIMIT.max).fill(401));
    expect(statuses.slice(-5)).toEqual(Array(5).fill(429));
  });
});
