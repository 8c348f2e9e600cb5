import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { proxy } from './proxy';

const SESSION = { cookie: 'infra-review.session_token=abc.def' };
const ACTION = { 'next-action': '7f'.repeat(21) };

/** A request to the app at http://app.test, as the browser addressed it (Host header included). */
function request(method: string, pathname: string, headers: Record<string, string> = {}): NextRequest {
  return new NextRequest(`http://app.test${pathname}`, { method, headers: { host: 'app.test', ...headers } });
}

async function refusal(response: Response): Promise<{ status: number; code?: string }> {
  const body = response.headers.get('content-type')?.includes('json') ? ((await response.json()) as { error: { code: string } }) : null;
  return { status: response.status, code: body?.error.code };
}

describe('proxy', () => {
  afterEach(() => {
    delete process.env.BETTER_AUTH_URL;
  });

  it('refuses a signed-in server action with no Origin, a foreign one, or "null" with 403', async () => {
    for (const origin of [undefined, 'https://evil.example', 'null', 'http://app.test.evil.example']) {
      const response = proxy(request('POST', '/admin/settings', { ...SESSION, ...ACTION, ...(origin ? { origin } : {}) }));
      expect(await refusal(response), `Origin ${origin}`).toEqual({ status: 403, code: 'forbidden:auth' });
    }
  });

  it('refuses a form post without JavaScript from elsewhere too, and the signed-out setup action', async () => {
    expect(proxy(request('POST', '/account/tokens', { ...SESSION, origin: 'https://evil.example' })).status).toBe(403);
    expect(proxy(request('POST', '/setup', { ...ACTION, origin: 'https://evil.example' })).status).toBe(403);
  });

  it('lets a same-origin action through (Origin, else Referer), and reads nothing into safe methods', () => {
    const passes = (r: NextRequest) => proxy(r).headers.get('x-middleware-next') === '1';
    expect(passes(request('POST', '/admin/settings', { ...SESSION, ...ACTION, origin: 'http://app.test' }))).toBe(true);
    expect(passes(request('POST', '/admin/settings', { ...SESSION, ...ACTION, referer: 'http://app.test/admin/settings' }))).toBe(true);
    expect(passes(request('GET', '/admin', SESSION))).toBe(true);
    expect(passes(request('POST', '/setup', { ...ACTION, origin: 'http://app.test' }))).toBe(true);
  });

  it('with BETTER_AUTH_URL set, only that origin writes, whatever Host says', () => {
    process.env.BETTER_AUTH_URL = 'https://review.example.com';
    expect(proxy(request('POST', '/admin/settings', { ...SESSION, ...ACTION, origin: 'http://app.test' })).status).toBe(403);
    const ok = proxy(request('POST', '/admin/settings', { ...SESSION, ...ACTION, origin: 'https://review.example.com' }));
    expect(ok.headers.get('x-middleware-next')).toBe('1');
  });

  it('sends a signed-out page visit to /sign-in with where it was going, but not the sign-in and setup pages', () => {
    const response = proxy(request('GET', '/review/bundled?x=1'));
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get('location')!).search).toBe(`?next=${encodeURIComponent('/review/bundled?x=1')}`);
    expect(new URL(proxy(request('GET', '/')).headers.get('location')!).search).toBe('');
    for (const page of ['/sign-in', '/setup']) expect(proxy(request('GET', page)).headers.get('x-middleware-next')).toBe('1');
  });
});
