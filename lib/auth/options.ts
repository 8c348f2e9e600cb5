import { apiKey } from '@better-auth/api-key';
import type { BetterAuthOptions, BetterAuthPlugin, User } from 'better-auth';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import type { DbHandle } from '../db/connection';
import { appendAuditLog } from '../db/queries/audit-log';
import { accountSignInLimit } from './account-limit';
import { CLIENT_ADDRESS_HEADER } from './client-address';
import { COOKIE_PREFIX, OIDC_PROVIDER_ID, type AuthConfig } from './config';

/** Prefix of personal API tokens, so a leaked one is recognizable (`irv_…`). */
export const TOKEN_PREFIX = 'irv_';

/** Sign-in attempts allowed per client IP and minute, when the IP is known (the TCP peer from server.mjs, or forwarded by `TRUSTED_PROXIES`). */
export const SIGN_IN_RATE_LIMIT = { window: 60, max: 5 } as const;

/**
 * Sign-in attempts allowed per minute from all clients whose IP is unknown, together (served without server.mjs: a
 * client-set `X-Forwarded-For` proves nothing). Each account still allows only a few failures (SIGN_IN_ACCOUNT_LIMIT).
 */
export const SIGN_IN_SHARED_RATE_LIMIT = { window: 60, max: 20 } as const;

const DAY_SECONDS = 24 * 60 * 60;

/** better-auth's options for this app: the database behind `handle`, email+password without public sign-up, roles, tokens, optional OIDC. */
export function authOptions(handle: DbHandle, { secret, config }: { secret: string; config: AuthConfig }) {
  return {
    appName: 'infra-review',
    basePath: '/api/auth',
    baseURL: config.baseURL,
    secret,
    database: { db: handle.db, type: handle.dialect },
    // Users are created by an admin, the first-run setup or the CLI (lib/auth/users.ts), never by the public.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 256, autoSignIn: false },
    user: {
      additionalFields: { role: { type: 'string', required: false, defaultValue: 'viewer', input: false } },
    },
    session: { expiresIn: 7 * DAY_SECONDS, updateAge: DAY_SECONDS },
    account: { accountLinking: { enabled: false } },
    // Stored in the database so the limit holds across app instances sharing it.
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/*': (request: Request) => (request.headers.get(CLIENT_ADDRESS_HEADER) ? SIGN_IN_RATE_LIMIT : SIGN_IN_SHARED_RATE_LIMIT),
      },
    },
    // Without a configured base URL the dashboard trusts the origin the browser addressed (its Host), as the CSRF
    // guard does: a cross-site page cannot choose the Host its victim's browser sends.
    trustedOrigins: config.baseURL ? [config.baseURL] : (request?: Request) => (request ? [addressedOrigin(request)] : []),
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      // better-auth turns its origin check off under test runners; keep it on so tests see production behaviour.
      disableOriginCheck: false,
      // Secure cookies follow the configured public URL. Without one (the embedded default on http://localhost:3000)
      // they are not marked Secure, so sign-in also works over plain http on another host name; set an https
      // BETTER_AUTH_URL in production.
      useSecureCookies: config.baseURL?.startsWith('https://') ?? false,
      // The only address better-auth sees is the one lib/auth/http.ts resolved (X-Forwarded-For behind trusted proxies).
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    databaseHooks: {
      user: {
        create: {
          // Accounts created by single sign-on get the configured default role, never one from the IdP.
          before: async (user: User & Record<string, unknown>, ctx: { path?: string } | null) =>
            config.oidc && ctx?.path?.startsWith('/oauth2/callback') ? { data: { ...user, role: config.oidc.defaultRole } } : undefined,
          // The app's own user creation audits itself (lib/auth/users.ts); one made by single sign-on is audited here.
          after: async (user: User & Record<string, unknown>, ctx: { path?: string } | null) => {
            if (!ctx?.path?.startsWith('/oauth2/callback')) return;
            await appendAuditLog(
              {
                actor: { id: null, label: 'single sign-on' },
                action: 'user.create',
                entityType: 'user',
                entityId: user.id,
                after: { email: user.email, name: user.name, role: user.role },
              },
              handle.db,
            );
          },
        },
      },
    },
    plugins: [
      apiKey({
        defaultPrefix: TOKEN_PREFIX,
        apiKeyHeaders: 'x-api-key',
        enableSessionForAPIKeys: false,
        // Tokens serve the CLI and CI: the per-key daily quota would break them; sign-in stays rate limited.
        rateLimit: { enabled: false },
        keyExpiration: { defaultExpiresIn: null, minExpiresIn: 1, maxExpiresIn: 365 },
      }),
      accountSignInLimit(handle.db),
      ...oidcPlugins(config),
    ],
  } satisfies BetterAuthOptions;
}

/** The generic OAuth plugin configured for the OIDC provider, or nothing when OIDC is not configured. */
function oidcPlugins(config: AuthConfig): BetterAuthPlugin[] {
  if (!config.oidc) return [];
  return [
    genericOAuth({
      config: [
        {
          providerId: OIDC_PROVIDER_ID,
          name: 'Single sign-on',
          discoveryUrl: config.oidc.discoveryUrl,
          clientId: config.oidc.clientId,
          clientSecret: config.oidc.clientSecret,
          scopes: ['openid', 'email', 'profile'],
          pkce: true,
          requireIdTokenVerification: true,
        },
      ],
    }),
  ];
}

/** The origin a request was addressed to: its URL's scheme with the Host header (or the URL's own host). */
export function addressedOrigin(request: Request): string {
  const url = new URL(request.url);
  return `${url.protocol}//${request.headers.get('host') ?? url.host}`;
}
