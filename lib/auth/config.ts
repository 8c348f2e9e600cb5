import { z } from 'zod';
import { isProxyEntry } from './client-address';
import { ROLES, type Role } from './roles';

/** Single sign-on through an OpenID Connect provider, when configured. */
export interface OidcConfig {
  issuer: string;
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  defaultRole: Role;
}

/** Authentication settings read from the environment. */
export interface AuthConfig {
  /** `BETTER_AUTH_SECRET`; undefined means "use the secret persisted in the database". */
  secret?: string;
  /** The public origin of the app (`BETTER_AUTH_URL`, else `APP_URL`); undefined means "the request's own origin". */
  baseURL?: string;
  oidc?: OidcConfig;
  /**
   * Reverse proxies (IPs or CIDRs) in front of the app (`TRUSTED_PROXIES`): `X-Forwarded-For` is read (from the right,
   * skipping them) only from them. Empty: forwarded headers are ignored.
   */
  trustedProxies: string[];
}

/** Prefix of every auth cookie (`infra-review.session_token`, `__Secure-` added on https). */
export const COOKIE_PREFIX = 'infra-review';

/** The id of the OpenID Connect provider in better-auth's routes (`/api/auth/oauth2/callback/oidc`). */
export const OIDC_PROVIDER_ID = 'oidc';

const optional = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

const schema = z.object({
  BETTER_AUTH_SECRET: optional.refine((s) => s === undefined || s.length >= 32, 'must be at least 32 characters'),
  BETTER_AUTH_URL: optional.pipe(z.url().optional()),
  APP_URL: optional.pipe(z.url().optional()),
  OIDC_ISSUER: optional.pipe(z.url().optional()),
  OIDC_CLIENT_ID: optional,
  OIDC_CLIENT_SECRET: optional,
  OIDC_DEFAULT_ROLE: optional.pipe(z.enum(ROLES).optional()),
  TRUSTED_PROXIES: optional.refine(
    (value) => value === undefined || proxyEntries(value).every(isProxyEntry),
    'must be a comma-separated list of IP addresses or CIDR ranges',
  ),
});

function proxyEntries(value: string): string[] {
  return value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Parses the authentication variables once; throws listing every invalid or incomplete one. */
export function authConfigFromEnv(env: Record<string, string | undefined> = process.env): AuthConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid authentication configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const oidcVars = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidcVars.some(Boolean) && !oidcVars.every(Boolean)) {
    throw new Error('invalid authentication configuration: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together');
  }
  const baseURL = e.BETTER_AUTH_URL ?? e.APP_URL;
  return {
    secret: e.BETTER_AUTH_SECRET,
    baseURL: baseURL ? new URL(baseURL).origin : undefined,
    trustedProxies: e.TRUSTED_PROXIES ? proxyEntries(e.TRUSTED_PROXIES) : [],
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER.replace(/\/+$/, ''),
            discoveryUrl: `${e.OIDC_ISSUER.replace(/\/+$/, '')}/.well-known/openid-configuration`,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            defaultRole: e.OIDC_DEFAULT_ROLE ?? 'viewer',
          }
        : undefined,
  };
}
