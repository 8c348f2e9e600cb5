import { describe, expect, it } from 'vitest';
import { dialects, useMigratedDb } from '../db/test-dialects';
import { openAuth } from './auth';
import { authConfigFromEnv } from './config';
import { OIDC_PROVIDER_ID } from './config';
import { authOptions } from './options';
import { resolveAuthSecret } from './state';
import { countUsers, createFirstAdmin, listUsers } from './users';

describe.each(dialects())('first-run setup on $name', (dialect) => {
  const db = useMigratedDb(dialect);

  it('creates exactly one admin when two setups race, and refuses any later setup', async () => {
    const auth = await openAuth(db.handle, { trustedProxies: [] });
    expect(await countUsers(auth)).toBe(0);
    const attempts = await Promise.allSettled([
      createFirstAdmin(auth, db.handle, { email: 'one@example.com', name: 'One', password: 'first admin password' }),
      createFirstAdmin(auth, db.handle, { email: 'two@example.com', name: 'Two', password: 'second admin password' }),
    ]);
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const users = await listUsers(auth);
    expect(users).toHaveLength(1);
    expect(users[0].role).toBe('admin');
    await expect(
      createFirstAdmin(auth, db.handle, { email: 'three@example.com', name: 'Three', password: 'third admin password' }),
    ).rejects.toMatchObject({ code: 'conflict:state', status: 409 });
    const audit = await db.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.create').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_label: 'first-run setup', entity_id: users[0].id });
    expect(audit[0].after).not.toMatch(/password/);
  });

  it('generates the secret once and gives every instance the same one', async () => {
    const first = await resolveAuthSecret(db.handle, undefined);
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(await resolveAuthSecret(db.handle, undefined)).toBe(first);
    expect(await resolveAuthSecret(db.handle, 'x'.repeat(40))).toBe('x'.repeat(40));
  });
});

describe('authentication configuration from the environment', () => {
  const oidcEnv = {
    OIDC_ISSUER: 'https://idp.example.com/realms/team/',
    OIDC_CLIENT_ID: 'infra-review',
    OIDC_CLIENT_SECRET: 's3cret',
    OIDC_DEFAULT_ROLE: 'reviewer',
  };

  it('configures OpenID Connect single sign-on through the generic OAuth plugin', () => {
    const config = authConfigFromEnv({ ...oidcEnv, BETTER_AUTH_URL: 'https://review.example.com/' });
    expect(config.baseURL).toBe('https://review.example.com');
    expect(config.oidc).toEqual({
      issuer: 'https://idp.example.com/realms/team',
      discoveryUrl: 'https://idp.example.com/realms/team/.well-known/openid-configuration',
      clientId: 'infra-review',
      clientSecret: 's3cret',
      defaultRole: 'reviewer',
    });
    const options = authOptions({} as never, { secret: 'x'.repeat(40), config });
    const plugin = options.plugins.find((p) => p.id === 'generic-oauth') as unknown as {
      options: { config: Array<Record<string, unknown>> };
    };
    expect(plugin).toBeDefined();
    expect(plugin.options.config[0]).toMatchObject({
      providerId: OIDC_PROVIDER_ID,
      discoveryUrl: config.oidc!.discoveryUrl,
      clientId: 'infra-review',
      pkce: true,
    });
    expect(options.advanced.useSecureCookies).toBe(true);
    expect(options.trustedOrigins).toEqual(['https://review.example.com']);
  });

  it('leaves single sign-on off without OIDC variables, and refuses half a configuration', () => {
    const config = authConfigFromEnv({});
    expect(config.oidc).toBeUndefined();
    expect(authOptions({} as never, { secret: 'x'.repeat(40), config }).plugins.map((p) => p.id)).toEqual([
      'api-key',
      'account-sign-in-limit',
    ]);
    expect(() => authConfigFromEnv({ OIDC_ISSUER: 'https://idp.example.com' })).toThrow(/go together/);
  });

  it('refuses a short secret, an invalid URL and an unknown default role', () => {
    expect(() => authConfigFromEnv({ BETTER_AUTH_SECRET: 'changeme' })).toThrow(/BETTER_AUTH_SECRET/);
    expect(() => authConfigFromEnv({ APP_URL: 'not a url' })).toThrow(/APP_URL/);
    expect(() => authConfigFromEnv({ ...oidcEnv, OIDC_DEFAULT_ROLE: 'root' })).toThrow(/OIDC_DEFAULT_ROLE/);
  });

  it('reads TRUSTED_PROXIES as IPs and CIDR ranges and refuses anything else', () => {
    expect(authConfigFromEnv({ TRUSTED_PROXIES: ' 10.0.0.0/8, ::1 ,192.0.2.7' }).trustedProxies).toEqual([
      '10.0.0.0/8',
      '::1',
      '192.0.2.7',
    ]);
    expect(authConfigFromEnv({}).trustedProxies).toEqual([]);
    for (const bad of ['proxy.example.com', '10.0.0.0/33', '10.0.0.1/8/1', '::1/129']) {
      expect(() => authConfigFromEnv({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/);
    }
  });
});
