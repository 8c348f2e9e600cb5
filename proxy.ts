import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { authConfigFromEnv, COOKIE_PREFIX } from '@/lib/auth/config';
import { isSameOrigin } from '@/lib/auth/same-origin';
import { AppError } from '@/lib/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Pages anyone may open; the API answers 401 itself.
const PUBLIC_PAGE = /^\/(?:sign-in|setup)(?:\/|$)/;

/**
 * First gate only. A write to a page (a server action, with or without JavaScript) must come from the app's own
 * origin, the rule the API routes apply: no Origin or a foreign one is a 403 before Next.js sees it. A page request
 * without a session cookie goes to /sign-in. Every page and API route still verifies the session (or bearer token)
 * and the role on the server; API requests pass through to answer 401 themselves.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request, authConfigFromEnv().baseURL)) {
    return new AppError('forbidden:auth', 'Cross-origin request refused').toResponse();
  }
  if (PUBLIC_PAGE.test(pathname) || getSessionCookie(request, { cookiePrefix: COOKIE_PREFIX })) return NextResponse.next();
  const target = new URL('/sign-in', request.url);
  const wanted = pathname + search;
  if (wanted !== '/') target.searchParams.set('next', wanted);
  return NextResponse.redirect(target);
}

export const config = {
  // Everything but the API (its routes check origin, session and role themselves) and static assets.
  matcher: ['/((?!api/|_next/static|_next/image|favicon\\.ico|robots\\.txt).*)'],
};
