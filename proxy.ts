import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { COOKIE_PREFIX } from '@/lib/auth/config';

/**
 * First gate only: a page request without a session cookie goes to /sign-in. Every page and API route still verifies
 * the session (or bearer token) and the role on the server; API requests pass through to answer 401 themselves.
 */
export function proxy(request: NextRequest) {
  if (getSessionCookie(request, { cookiePrefix: COOKIE_PREFIX })) return NextResponse.next();
  const target = new URL('/sign-in', request.url);
  const wanted = request.nextUrl.pathname + request.nextUrl.search;
  if (wanted !== '/') target.searchParams.set('next', wanted);
  return NextResponse.redirect(target);
}

export const config = {
  // Everything but the API, the sign-in and setup pages, and static assets.
  matcher: ['/((?!api/|sign-in|setup|_next/static|_next/image|favicon\\.ico|robots\\.txt).*)'],
};
