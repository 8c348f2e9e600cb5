import { describe, expect, it } from 'vitest';
import { testRequest } from '@/lib/audit/test-support';
import { idParams, useRouteTestEnv } from '../_test/route-env';
import { signInCookie } from '@/lib/auth/test-users';
import { getUserById, type AppUser } from '@/lib/auth/users';
import { listAuditLog } from '@/lib/db/queries/audit-log';
import { PATCH } from './[id]/route';
import { GET, POST } from './route';

const env = useRouteTestEnv();

async function create(body: unknown): Promise<Response> {
  return POST(testRequest('POST', '/api/admin/users', { cookie: env.users.admin }, body));
}

async function setRole(id: string, role: string): Promise<Response> {
  return PATCH(testRequest('PATCH', `/api/admin/users/${id}`, { cookie: env.users.admin }, { role }), idParams(id));
}

describe('/api/admin/users', () => {
  it('lists users with id, email, name, role and creation time, nothing secret', async () => {
    const { users } = (await (await GET(testRequest('GET', '/api/admin/users', { cookie: env.users.admin }))).json()) as {
      users: AppUser[];
    };
    expect(users.map((u) => u.email)).toEqual(expect.arrayContaining(Object.values(env.users).map((u) => u.email)));
    for (const user of users) expect(Object.keys(user).sort()).toEqual(['createdAt', 'email', 'id', 'name', 'role']);
  });

  it('creates a user with a generated password, returned once, that signs in; the creation is audited', async () => {
    const response = await create({ email: 'New.Person@Test.Invalid', name: 'New Person', role: 'reviewer' });
    expect(response.status).toBe(201);
    const { user, password } = (await response.json()) as { user: AppUser; password: string };
    expect(user).toMatchObject({ email: 'new.person@test.invalid', role: 'reviewer' });
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await signInCookie(env.auth, { email: user.email, password })).toContain('session_token');
    const audit = await listAuditLog({ action: 'user.create', entityId: user.id, limit: 5 });
    expect(audit.entries[0]).toMatchObject({ actorId: env.users.admin.user.id, after: { email: user.email, role: 'reviewer' } });
    expect(JSON.stringify(audit.entries)).not.toContain(password);
  });

  it('creates a user with a given password and returns no password', async () => {
    const response = await create({ email: 'given@test.invalid', name: 'Given', role: 'viewer', password: 'a long enough password' });
    expect(response.status).toBe(201);
    expect(await response.json()).not.toHaveProperty('password');
  });

  it('refuses a taken email with 409 and invalid input with 400', async () => {
    expect((await create({ email: env.users.viewer.email, name: 'Again', role: 'viewer' })).status).toBe(409);
    for (const body of [
      { email: 'x', name: 'X', role: 'viewer' },
      { email: 'y@test.invalid', name: 'Y', role: 'root' },
      { email: 'z@test.invalid', name: 'Z', role: 'viewer', password: 'short' },
      { email: 'w@test.invalid', role: 'viewer' },
      '{oops',
    ]) {
      expect((await create(body)).status, JSON.stringify(body)).toBe(400);
    }
  });

  it('changes a role, audited with before and after; an unknown user is a 404 and an unknown role a 400', async () => {
    const response = await setRole(env.users.viewer.user.id, 'reviewer');
    expect(response.status).toBe(200);
    expect((await response.json()).user).toMatchObject({ id: env.users.viewer.user.id, role: 'reviewer' });
    const audit = await listAuditLog({ action: 'user.set_role', entityId: env.users.viewer.user.id, limit: 5 });
    expect(audit.entries[0]).toMatchObject({ actorId: env.users.admin.user.id, before: { role: 'viewer' }, after: { role: 'reviewer' } });
    expect((await setRole('no-such-user', 'viewer')).status).toBe(404);
    expect((await setRole(env.users.viewer.user.id, 'owner')).status).toBe(400);
    await setRole(env.users.viewer.user.id, 'viewer');
  });

  it('refuses to demote the last admin with 409, and allows it once another admin exists', async () => {
    const self = env.users.admin.user.id;
    const response = await setRole(self, 'viewer');
    expect(response.status).toBe(409);
    expect((await getUserById(env.auth, { id: self }))?.role).toBe('admin');
    expect((await setRole(env.users.deployer.user.id, 'admin')).status).toBe(200);
    expect((await setRole(env.users.deployer.user.id, 'deployer')).status).toBe(200);
  });

  it('is for admins only, on every method', async () => {
    const id = env.users.viewer.user.id;
    expect((await GET(testRequest('GET', '/api/admin/users', 'anonymous'))).status).toBe(401);
    expect(
      (await POST(testRequest('POST', '/api/admin/users', 'anonymous', { email: 'a@test.invalid', name: 'A', role: 'admin' }))).status,
    ).toBe(401);
    expect((await PATCH(testRequest('PATCH', `/api/admin/users/${id}`, 'anonymous', { role: 'admin' }), idParams(id))).status).toBe(401);
    for (const role of ['viewer', 'reviewer', 'deployer'] as const) {
      expect((await GET(testRequest('GET', '/api/admin/users', { cookie: env.users[role] }))).status).toBe(403);
      expect(
        (
          await POST(
            testRequest(
              'POST',
              '/api/admin/users',
              { cookie: env.users[role] },
              { email: `${role}x@test.invalid`, name: 'A', role: 'admin' },
            ),
          )
        ).status,
      ).toBe(403);
      expect(
        (await PATCH(testRequest('PATCH', `/api/admin/users/${id}`, { bearer: env.users[role] }, { role: 'admin' }), idParams(id))).status,
      ).toBe(403);
    }
    expect((await getUserById(env.auth, { id }))?.role).toBe('viewer');
  });
});
