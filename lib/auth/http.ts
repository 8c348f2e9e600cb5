import { AppError } from '../errors';
import type { Auth } from './auth';
import { CLIENT_ADDRESS_HEADER, clientAddress } from './client-address';
import type { AuthConfig } from './config';

/** Where better-auth's endpoints are mounted. */
export const AUTH_BASE_PATH = '/api/auth';

/**
 * better-auth's endpoints the app serves over HTTP: password and single sign-on sign-in, its callback, sign-out and
 * the session. Everything else the library offers (its API-key, user, email, password and session management) is
 * closed: tokens and users change only through the app's own routes, which authorize and audit every change.
 */
const OPEN_AUTH_PATHS: readonly RegExp[] = [
  /^\/sign-in\/email$/,
  /^\/sign-in\/oauth2$/,
  /^\/oauth2\/callback\/[A-Za-z0-9_-]+$/,
  /^\/sign-out$/,
  /^\/get-session$/,
  /^\/error$/,
];

/** True when `pathname` (the full request path) is one of the auth endpoints served over HTTP. */
export function isOpenAuthPath(pathname: string): boolean {
  if (!pathname.startsWith(`${AUTH_BASE_PATH}/`)) return false;
  const endpoint = pathname.slice(AUTH_BASE_PATH.length);
  return OPEN_AUTH_PATHS.some((open) => open.test(endpoint));
}

/**
 * Serves one HTTP request to better-auth: 404 for a closed endpoint; otherwise the request goes on with the client
 * address the app trusts (clientAddress: the TCP peer, or `X-Forwarded-For` from a trusted proxy; none when unknown,
 * and the sign-in limit then counts every client together) in a header a client cannot set.
 */
export async function authRequest(auth: Auth, req: Request, config: Pick<AuthConfig, 'trustedProxies'>): Promise<Response> {
  if (!isOpenAuthPath(new URL(req.url).pathname)) {
    return new AppError('not_found:endpoint', 'No such authentication endpoint').toResponse();
  }
  const headers = new Headers(req.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  const address = clientAddress(req.headers, config.trustedProxies);
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  return auth.handler(new Request(req, { headers }));
}
