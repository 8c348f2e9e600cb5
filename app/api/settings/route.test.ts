import { describe, expect, it } from 'vitest';
import { testRequest } from '@/lib/audit/test-support';
import { useRouteTestEnv } from '../admin/_test/route-env';
import { listAuditLog } from '@/lib/db/queries/audit-log';
import { REQUIRED_SIGNOFFS_SETTING } from '@/lib/db/queries/sessions';
import { getSetting } from '@/lib/db/queries/settings';
import { GET, PUT } from './route';

const env = useRouteTestEnv();

const settingAudit = async () => (await listAuditLog({ action: 'setting.set', limit: 100 })).entries;

describe('/api/settings', () => {
  it('reads the defaults before anything is set', async () => {
    const response = await GET(testRequest('GET', '/api/settings', { cookie: env.users.admin }));
    expect(await response.json()).toEqual({
      settings: { requiredSignoffs: 1, deployRequiresSignedOffSession: false, deployApprovalPolicy: 'broadening', referenceNatGateways: 1 },
    });
  });

  it('writes and audits nothing when the values given are the current ones (defaults included)', async () => {
    const response = await PUT(
      testRequest('PUT', '/api/settings', { cookie: env.users.admin }, { requiredSignoffs: 1, deployRequiresSignedOffSession: false }),
    );
    expect(response.status).toBe(200);
    expect(await settingAudit()).toEqual([]);
  });

  it('stores a change where sessions read it and audits it with before and after, once', async () => {
    const response = await PUT(
      testRequest(
        'PUT',
        '/api/settings',
        { cookie: env.users.admin },
        { requiredSignoffs: 3, deployRequiresSignedOffSession: true, deployApprovalPolicy: 'any-change' },
      ),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      settings: { requiredSignoffs: 3, deployRequiresSignedOffSession: true, deployApprovalPolicy: 'any-change', referenceNatGateways: 1 },
    });
    expect(await getSetting({ key: REQUIRED_SIGNOFFS_SETTING })).toBe(3);
    const entries = await settingAudit();
    expect(entries.find((e) => e.entityId === REQUIRED_SIGNOFFS_SETTING)).toMatchObject({
      actorId: env.users.admin.user.id,
      before: null,
      after: 3,
    });
    await PUT(testRequest('PUT', '/api/settings', { cookie: env.users.admin }, { requiredSignoffs: 3 }));
    expect(await settingAudit()).toHaveLength(entries.length);
  });

  it('refuses values out of bounds, unknown keys, empty and malformed bodies with 400, and an oversized body with 413', async () => {
    for (const body of [
      { requiredSignoffs: 0 },
      { requiredSignoffs: 11 },
      { requiredSignoffs: 2.5 },
      { deployRequiresSignedOffSession: 'yes' },
      { deployApprovalPolicy: 'sometimes' },
      { referenceNatGateways: 3 },
      { other: 1 },
      {},
      '{"requiredSignoffs":',
    ]) {
      const response = await PUT(testRequest('PUT', '/api/settings', { cookie: env.users.admin }, body));
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
    expect((await PUT(testRequest('PUT', '/api/settings', { cookie: env.users.admin }, 'x'.repeat(20_000)))).status).toBe(413);
    expect((await (await GET(testRequest('GET', '/api/settings', { bearer: env.users.admin }))).json()).settings.requiredSignoffs).toBe(3);
  });

  it('is for admins only: 401 anonymous, 403 below admin, 403 for a cross-site cookie write', async () => {
    expect((await GET(testRequest('GET', '/api/settings', 'anonymous'))).status).toBe(401);
    expect((await PUT(testRequest('PUT', '/api/settings', 'anonymous', { requiredSignoffs: 2 }))).status).toBe(401);
    for (const role of ['viewer', 'reviewer', 'deployer'] as const) {
      expect((await GET(testRequest('GET', '/api/settings', { cookie: env.users[role] }))).status).toBe(403);
      expect((await PUT(testRequest('PUT', '/api/settings', { bearer: env.users[role] }, { requiredSignoffs: 2 }))).status).toBe(403);
    }
    const crossSite = new Request('http://app.test/api/settings', {
      method: 'PUT',
      headers: { cookie: env.users.admin.cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ requiredSignoffs: 2 }),
    });
    expect((await PUT(crossSite)).status).toBe(403);
    expect(await getSetting({ key: REQUIRED_SIGNOFFS_SETTING })).toBe(3);
  });
});
