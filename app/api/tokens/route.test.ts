import { describe, expect, it } from 'vitest';
import { testRequest } from '@/lib/audit/test-support';
import { idParams, useRouteTestEnv } from '../admin/_test/route-env';
import { verifyToken } from '@/lib/auth/tokens';
import { listAuditLog } from '@/lib/db/queries/audit-log';
import { DELETE } from './[id]/route';
import { GET, POST } from './route';

const env = useRouteTestEnv();

interface Listed {
  id: string;
  name: string;
  start: string;
  enabled: boolean;
  scope: string;
  lastUsedAt: string | null;
}

async function list(caller: Parameters<typeof testRequest>[2]): Promise<Listed[]> {
  const response = await GET(testRequest('GET', '/api/tokens', caller));
  expect(response.status).toBe(200);
  return (await response.json()).tokens;
}

describe('/api/tokens', () => {
  it('lists only the caller’s tokens, never the secret', async () => {
    const response = await GET(testRequest('GET', '/api/tokens', { cookie: env.users.viewer }));
    const text = await response.text();
    expect(text).not.toContain(env.users.viewer.token);
    const { tokens } = JSON.parse(text) as { tokens: Listed[] };
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ name: 'test', enabled: true, scope: 'admin' });
    expect(env.users.viewer.token.startsWith(tokens[0].start)).toBe(true);
    expect(Object.keys(tokens[0]).sort()).toEqual(['createdAt', 'enabled', 'expiresAt', 'id', 'lastUsedAt', 'name', 'scope', 'start']);
  });

  it('creates a token shown once that authenticates a bearer request; creation is audited', async () => {
    const response = await POST(testRequest('POST', '/api/tokens', { cookie: env.users.viewer }, { name: 'ci', expiresInDays: 30 }));
    expect(response.status).toBe(201);
    const { id, token, scope, expiresAt } = (await response.json()) as { id: string; token: string; scope: string; expiresAt: string };
    expect(token).toMatch(/^irv_/);
    expect(scope).toBe('read');
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect((await verifyToken(env.auth, token))?.id).toBe(env.users.viewer.user.id);
    const listed = await list({ bearer: token });
    expect(listed.map((t) => t.name)).toEqual(['ci', 'test']);
    expect(listed.find((t) => t.id === id)?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(token);
    const audit = await listAuditLog({ action: 'token.create', entityId: id, limit: 1 });
    expect(audit.entries[0]).toMatchObject({ actorId: env.users.viewer.user.id });
    expect(JSON.stringify(audit.entries[0])).toContain('"scope":"read"');
  });

  it('revokes the caller’s own token, after which it no longer authenticates', async () => {
    const { id, token } = await (
      await POST(testRequest('POST', '/api/tokens', { cookie: env.users.reviewer }, { name: 'short-lived' }))
    ).json();
    const response = await DELETE(testRequest('DELETE', `/api/tokens/${id}`, { cookie: env.users.reviewer }), idParams(id));
    expect(response.status).toBe(204);
    expect(await verifyToken(env.auth, token)).toBeNull();
    expect((await GET(testRequest('GET', '/api/tokens', { bearer: token }))).status).toBe(401);
    expect((await list({ cookie: env.users.reviewer })).find((t) => t.id === id)?.enabled).toBe(false);
    expect((await listAuditLog({ action: 'token.revoke', entityId: id, limit: 1 })).entries[0]).toMatchObject({
      actorId: env.users.reviewer.user.id,
    });
  });

  it('answers 404 for another user’s token and leaves it working', async () => {
    const [adminToken] = await list({ cookie: env.users.admin });
    const response = await DELETE(
      testRequest('DELETE', `/api/tokens/${adminToken.id}`, { cookie: env.users.deployer }),
      idParams(adminToken.id),
    );
    expect(response.status).toBe(404);
    expect(await verifyToken(env.auth, env.users.admin.token)).not.toBeNull();
    expect((await DELETE(testRequest('DELETE', '/api/tokens/unknown', { cookie: env.users.deployer }), idParams('unknown'))).status).toBe(
      404,
    );
  });

  it('refuses anonymous callers, cross-site cookie writes and invalid input', async () => {
    expect((await GET(testRequest('GET', '/api/tokens', 'anonymous'))).status).toBe(401);
    expect((await POST(testRequest('POST', '/api/tokens', 'anonymous', { name: 'x' }))).status).toBe(401);
    expect((await DELETE(testRequest('DELETE', '/api/tokens/x', 'anonymous'), idParams('x'))).status).toBe(401);
    const noOrigin = new Request('http://app.test/api/tokens', {
      method: 'POST',
      headers: { cookie: env.users.viewer.cookie },
      body: '{"name":"x"}',
    });
    expect((await POST(noOrigin)).status).toBe(403);
    for (const body of [
      {},
      { name: '' },
      { name: 'x'.repeat(33) },
      { name: 'x', expiresInDays: 0 },
      { name: 'x', expiresInDays: 366 },
      { name: 'x', userId: 'someone' },
      { name: 'x', scope: 'root' },
      { name: 'x', scope: ['read'] },
      'nope',
    ]) {
      expect((await POST(testRequest('POST', '/api/tokens', { cookie: env.users.viewer }, body))).status, JSON.stringify(body)).toBe(400);
    }
  });
});
