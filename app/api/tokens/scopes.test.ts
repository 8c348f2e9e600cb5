import { describe, expect, it } from 'vitest';
import { testRequest, TEST_APP } from '@/lib/audit/test-support';
import { authRequest } from '@/lib/auth/http';
import { verifyToken } from '@/lib/auth/tokens';
import { getUserById } from '@/lib/auth/users';
import { listAuditLog } from '@/lib/db/queries/audit-log';
import { idParams, useRouteTestEnv } from '../admin/_test/route-env';
import { POST as postDeploy } from '../deploys/route';
import { DELETE } from './[id]/route';
import { GET, POST } from './route';

const env = useRouteTestEnv();

/** A token of `role`'s test user with `scope`, made through the API as that user. */
async function tokenOf(role: keyof typeof env.users, scope?: string): Promise<{ id: string; token: string }> {
  const response = await POST(testRequest('POST', '/api/tokens', { cookie: env.users[role] }, { name: `${scope ?? 'default'}`, scope }));
  expect(response.status).toBe(201);
  return response.json();
}

/** A POST to better-auth's own endpoint `path`, through the app's auth route, with `role`'s session cookie. */
function libraryPost(path: string, body: unknown, role: keyof typeof env.users) {
  const request = new Request(`${TEST_APP}/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TEST_APP, cookie: env.users[role].cookie },
    body: JSON.stringify(body),
  });
  return authRequest(env.auth, request, { trustedProxies: [] });
}

describe('token scopes', () => {
  it('a read token reads but cannot POST, even where its owner may', async () => {
    const { token } = await tokenOf('deployer', 'read');
    expect((await GET(testRequest('GET', '/api/tokens', { bearer: token }))).status).toBe(200);
    const mint = await POST(testRequest('POST', '/api/tokens', { bearer: token }, { name: 'escalate', scope: 'read' }));
    expect(mint.status).toBe(403);
    expect((await mint.json()).error.message).toMatch(/read-only/);
    expect((await postDeploy(testRequest('POST', '/api/deploys', { bearer: token }, {}))).status).toBe(403);
  });

  it('a review token of a deployer cannot deploy, and a reviewer cannot make a deploy token', async () => {
    const review = await tokenOf('deployer', 'review');
    const refused = await postDeploy(testRequest('POST', '/api/deploys', { bearer: review.token }, {}));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/scope review/);
    expect((await verifyToken(env.auth, review.token))?.scope).toBe('review');
    const over = await POST(testRequest('POST', '/api/tokens', { cookie: env.users.reviewer }, { name: 'too much', scope: 'deploy' }));
    expect(over.status).toBe(403);
    expect((await over.json()).error.details[0].path).toEqual(['scope']);
  });

  it('a token cannot mint one of a wider scope', async () => {
    const { token } = await tokenOf('admin', 'review');
    const wider = await POST(testRequest('POST', '/api/tokens', { bearer: token }, { name: 'wider', scope: 'deploy' }));
    expect(wider.status).toBe(403);
    const same = await POST(testRequest('POST', '/api/tokens', { bearer: token }, { name: 'same', scope: 'review' }));
    expect(same.status).toBe(201);
  });

  it('lists each token with its scope, read unless chosen', async () => {
    await tokenOf('viewer');
    const { tokens } = await (await GET(testRequest('GET', '/api/tokens', { cookie: env.users.viewer }))).json();
    expect(tokens.find((t: { name: string }) => t.name === 'default').scope).toBe('read');
  });
});

describe("better-auth's own endpoints", () => {
  it('cannot revive a revoked token: api-key/update is closed and the token stays revoked', async () => {
    const { id, token } = await tokenOf('reviewer', 'review');
    await DELETE(testRequest('DELETE', `/api/tokens/${id}`, { cookie: env.users.reviewer }), idParams(id));
    const revive = await libraryPost('/api-key/update', { keyId: id, enabled: true }, 'reviewer');
    expect(revive.status).toBe(404);
    expect(await verifyToken(env.auth, token)).toBeNull();
    expect((await GET(testRequest('GET', '/api/tokens', { bearer: token }))).status).toBe(401);
    // Revoking again changes and records nothing.
    await DELETE(testRequest('DELETE', `/api/tokens/${id}`, { cookie: env.users.reviewer }), idParams(id));
    expect((await listAuditLog({ action: 'token.revoke', entityId: id, limit: 5 })).entries).toHaveLength(1);
  });

  it('closes token, user, email, password and session management, so nothing changes unaudited', async () => {
    const { id } = await tokenOf('viewer', 'read');
    const user = env.users.viewer.user;
    const attempts: Array<[string, unknown]> = [
      ['/api-key/create', { name: 'side door' }],
      ['/api-key/delete', { keyId: id }],
      ['/api-key/list', {}],
      ['/update-user', { name: 'Renamed' }],
      ['/change-email', { newEmail: 'other@test.invalid' }],
      ['/change-password', { currentPassword: env.users.viewer.password, newPassword: 'a brand new password' }],
      ['/delete-user', { password: env.users.viewer.password }],
      ['/revoke-sessions', {}],
      ['/sign-up/email', { email: 'x@test.invalid', name: 'X', password: 'a long enough password' }],
      ['/sign-in/email/', { email: env.users.viewer.email, password: env.users.viewer.password }],
    ];
    for (const [path, body] of attempts) expect((await libraryPost(path, body, 'viewer')).status, path).toBe(404);
    expect((await getUserById(env.auth, { id: user.id }))?.name).toBe(user.name);
    const { tokens } = await (await GET(testRequest('GET', '/api/tokens', { cookie: env.users.viewer }))).json();
    expect(tokens.find((t: { id: string }) => t.id === id)?.enabled).toBe(true);
    expect((await GET(testRequest('GET', '/api/tokens', { bearer: env.users.viewer }))).status).toBe(200);
  });
});
