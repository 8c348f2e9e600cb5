import { describe, expect, it } from 'vitest';
import { testRequest } from '@/lib/audit/test-support';
import { getUserById } from '@/lib/auth/users';
import { listAuditLog } from '@/lib/db/queries/audit-log';
import { useRouteTestEnv } from '../admin/_test/route-env';
import { POST as postToken } from '../tokens/route';
import { GET, PATCH } from './route';

const env = useRouteTestEnv();

describe('/api/account', () => {
  it('names the caller and, for a token, the scope it acts within', async () => {
    const viaCookie = await (await GET(testRequest('GET', '/api/account', { cookie: env.users.deployer }))).json();
    expect(viaCookie.user).toMatchObject({ email: env.users.deployer.email, role: 'deployer', via: 'session', scope: null });
    const { token } = await (
      await postToken(testRequest('POST', '/api/tokens', { cookie: env.users.deployer }, { name: 'ci', scope: 'review' }))
    ).json();
    const viaToken = await (await GET(testRequest('GET', '/api/account', { bearer: token }))).json();
    expect(viaToken.user).toMatchObject({ role: 'reviewer', via: 'token', scope: 'review' });
  });

  it('renames the caller, audited with the name before and after', async () => {
    const { user } = env.users.reviewer;
    const response = await PATCH(testRequest('PATCH', '/api/account', { cookie: env.users.reviewer }, { name: '  Rita Reviewer ' }));
    expect(response.status).toBe(200);
    expect((await response.json()).user.name).toBe('Rita Reviewer');
    expect((await getUserById(env.auth, { id: user.id }))?.name).toBe('Rita Reviewer');
    const [entry] = (await listAuditLog({ action: 'user.rename', entityId: user.id, limit: 1 })).entries;
    expect(entry).toMatchObject({ actorId: user.id, before: { name: user.name }, after: { name: 'Rita Reviewer' } });
  });

  it('refuses bad names with 400 and changes nothing; a read token and anonymous callers cannot rename', async () => {
    const { user } = env.users.viewer;
    for (const body of [
      {},
      { name: '' },
      { name: 'x'.repeat(101) },
      { name: 'a\u0000b' },
      { name: 'a\nb' },
      { name: 'x', role: 'admin' },
    ]) {
      expect((await PATCH(testRequest('PATCH', '/api/account', { cookie: env.users.viewer }, body))).status, JSON.stringify(body)).toBe(
        400,
      );
    }
    const { token } = await (await postToken(testRequest('POST', '/api/tokens', { cookie: env.users.viewer }, { name: 'ro' }))).json();
    expect((await PATCH(testRequest('PATCH', '/api/account', { bearer: token }, { name: 'Token' }))).status).toBe(403);
    expect((await PATCH(testRequest('PATCH', '/api/account', 'anonymous', { name: 'Nobody' }))).status).toBe(401);
    expect((await getUserById(env.auth, { id: user.id }))?.name).toBe(user.name);
    expect((await listAuditLog({ action: 'user.rename', entityId: user.id, limit: 1 })).entries).toHaveLength(0);
  });
});
