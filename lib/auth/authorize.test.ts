import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dialects, useMigratedDb } from '../db/test-dialects';
import { createAuth, type Auth } from './auth';
import { authorizeRequest } from './authorize';
import { resolveAuthSecret } from './state';
import { createTestUsers, type TestUser } from './test-users';
import { createToken, listTokens, revokeToken } from './tokens';
import type { Role } from './roles';

const APP = 'http://app.test';

function request(method: string, headers: Record<string, string>): Request {
  return new Request(`${APP}/api/reviews/bundled`, { method, headers: { host: 'app.test', ...headers } });
}

describe.each(dialects())('requests authorized by session cookie or bearer token on $name', (dialect) => {
  const db = useMigratedDb(dialect);
  let auth: Auth;
  let users: Record<Role, TestUser>;

  beforeAll(async () => {
    auth = createAuth(db.handle, { secret: await resolveAuthSecret(db.handle, undefined), config: { baseURL: APP, trustedProxies: [] } });
    users = await createTestUsers(db.handle, auth);
  });

  it('refuses an anonymous request with 401', async () => {
    await expect(authorizeRequest(auth, request('GET', {}), 'viewer', APP)).rejects.toMatchObject({
      code: 'unauthorized:auth',
      status: 401,
    });
  });

  it('accepts a session cookie for a read and reports the role', async () => {
    const user = await authorizeRequest(auth, request('GET', { cookie: users.viewer.cookie }), 'viewer', APP);
    expect(user).toMatchObject({ email: users.viewer.email, role: 'viewer', via: 'session' });
  });

  it('refuses a role below the minimum with 403 and accepts any role above it', async () => {
    await expect(authorizeRequest(auth, request('GET', { cookie: users.viewer.cookie }), 'reviewer', APP)).rejects.toMatchObject({
      status: 403,
    });
    await expect(authorizeRequest(auth, request('GET', { cookie: users.deployer.cookie }), 'reviewer', APP)).resolves.toMatchObject({
      role: 'deployer',
    });
    await expect(
      authorizeRequest(auth, request('GET', { authorization: `Bearer ${users.reviewer.token}` }), 'admin', APP),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('refuses a cookie-authenticated POST from a foreign origin or with no origin (CSRF)', async () => {
    const cookie = users.admin.cookie;
    await expect(authorizeRequest(auth, request('POST', { cookie, origin: 'https://evil.example' }), 'viewer', APP)).rejects.toMatchObject({
      code: 'forbidden:auth',
    });
    await expect(authorizeRequest(auth, request('DELETE', { cookie }), 'viewer', APP)).rejects.toMatchObject({ code: 'forbidden:auth' });
    await expect(
      authorizeRequest(auth, request('PATCH', { cookie, referer: 'https://evil.example/page' }), 'viewer', APP),
    ).rejects.toMatchObject({ code: 'forbidden:auth' });
    await expect(authorizeRequest(auth, request('POST', { cookie, origin: APP }), 'admin', APP)).resolves.toMatchObject({ role: 'admin' });
    await expect(authorizeRequest(auth, request('PUT', { cookie, referer: `${APP}/review/bundled` }), 'admin', APP)).resolves.toMatchObject(
      { role: 'admin' },
    );
  });

  it('without a configured origin, compares the Origin with the Host the browser addressed', async () => {
    const cookie = users.admin.cookie;
    await expect(authorizeRequest(auth, request('POST', { cookie, origin: 'http://app.test' }), 'viewer')).resolves.toMatchObject({
      role: 'admin',
    });
    await expect(
      authorizeRequest(auth, request('POST', { cookie, origin: 'http://app.test.evil.example' }), 'viewer'),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('accepts a bearer POST without any Origin', async () => {
    const user = await authorizeRequest(auth, request('POST', { authorization: `Bearer ${users.reviewer.token}` }), 'reviewer', APP);
    expect(user).toMatchObject({ email: users.reviewer.email, via: 'token' });
  });

  it('refuses an unknown bearer token even alongside a valid cookie', async () => {
    const headers = { authorization: 'Bearer irv_not-a-token', cookie: users.admin.cookie };
    await expect(authorizeRequest(auth, request('GET', headers), 'viewer', APP)).rejects.toMatchObject({ status: 401 });
    await expect(authorizeRequest(auth, request('GET', { authorization: 'Basic abc' }), 'viewer', APP)).rejects.toMatchObject({
      status: 401,
    });
  });

  it('refuses a revoked token, and lists it as disabled', async () => {
    const { id, token } = await createToken(auth, { userId: users.viewer.user.id, name: 'ci' });
    await expect(authorizeRequest(auth, request('GET', { authorization: `Bearer ${token}` }), 'viewer', APP)).resolves.toMatchObject({
      via: 'token',
    });
    await revokeToken(auth, { id });
    await expect(authorizeRequest(auth, request('GET', { authorization: `Bearer ${token}` }), 'viewer', APP)).rejects.toMatchObject({
      status: 401,
    });
    expect((await listTokens(auth, { userId: users.viewer.user.id })).find((t) => t.id === id)).toMatchObject({
      enabled: false,
      name: 'ci',
    });
  });

  it('refuses an expired token', async () => {
    const { id, token } = await createToken(auth, { userId: users.viewer.user.id, expiresInDays: 1 });
    await sql`update ${sql.table('apikey')} set ${sql.ref('expiresAt')} = ${dialect.name === 'postgres' ? new Date(Date.now() - 1000) : new Date(Date.now() - 1000).toISOString()} where id = ${id}`.execute(
      db.handle.db,
    );
    await expect(authorizeRequest(auth, request('GET', { authorization: `Bearer ${token}` }), 'viewer', APP)).rejects.toMatchObject({
      status: 401,
    });
  });

  it('stores only a hash of each token', async () => {
    const { id, token } = await createToken(auth, { userId: users.admin.user.id });
    expect(token.startsWith('irv_')).toBe(true);
    const { rows } = await sql<{
      key: string;
      start: string | null;
    }>`select ${sql.ref('key')}, ${sql.ref('start')} from ${sql.table('apikey')} where id = ${id}`.execute(db.handle.db);
    expect(rows).toHaveLength(1);
    expect(rows[0].key).not.toBe(token);
    expect(rows[0].key).not.toContain(token.slice(4, 20));
    expect(token.startsWith(rows[0].start ?? '')).toBe(true);
    expect((rows[0].start ?? '').length).toBeLessThan(10);
  });
});
