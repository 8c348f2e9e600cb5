import { describe, expect, it } from 'vitest';
import { listAuditLog } from '../db/queries/audit-log';
import { dialects, useMigratedDb } from '../db/test-dialects';
import { authOptions } from './options';

const config = {
  trustedProxies: [],
  oidc: {
    issuer: 'https://idp.test',
    discoveryUrl: 'https://idp.test/.well-known/openid-configuration',
    clientId: 'c',
    clientSecret: 's',
    defaultRole: 'viewer' as const,
  },
};

describe.each(dialects().slice(0, 1))('users created by single sign-on on $name', (dialect) => {
  const db = useMigratedDb(dialect);
  const user = {
    id: 'sso-user',
    email: 'sso@example.com',
    name: 'Sso',
    role: 'viewer',
    emailVerified: true,
    createdAt: new Date(),
    updatedAt: new Date(),
  };

  it('are audited as created by single sign-on, while other creations audit themselves', async () => {
    const hooks = authOptions(db.handle, { secret: 'x'.repeat(40), config }).databaseHooks.user.create;
    await hooks.after(user, { path: '/oauth2/callback/oidc' });
    await hooks.after({ ...user, id: 'admin-made' }, null);
    const [entry] = (await listAuditLog({ action: 'user.create', entityId: 'sso-user', limit: 5 }, db.handle.db)).entries;
    expect(entry).toMatchObject({ actorId: null, actorLabel: 'single sign-on', after: { email: 'sso@example.com', role: 'viewer' } });
    expect((await listAuditLog({ entityId: 'admin-made', limit: 5 }, db.handle.db)).entries).toHaveLength(0);
  });
});
