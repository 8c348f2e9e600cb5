import net from 'node:net';
import { BASE_URL } from '../playwright.config';
import { ANONYMOUS, expect, storageStateOf, test } from './fixtures';

// The HTTP edge of the built server (server.mjs, proxy.ts, next.config.js): methods it does not serve, caching of API
// answers, pages a role may not see, and server actions posted from elsewhere.

const PATHS = ['/', '/review/bundled', '/api/health', '/api/reviews', '/api/nowhere', '/_next/static/x.js'];
const SERVED = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

/** One request written by hand on a fresh socket (methods no HTTP client sends), answered with its status line and headers. */
async function rawRequest(method: string, target: string): Promise<{ status: number; head: string }> {
  const { hostname, port } = new URL(BASE_URL);
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(`${method} ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error(`${method} ${target}: no answer in 10 s`)));
  });
  const head = answer.split('\r\n\r\n')[0];
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), head };
}

test.describe('methods the app does not serve', () => {
  for (const method of ['TRACE', 'TRACK', 'PROPFIND']) {
    test(`${method} answers 405 with Allow on every path, and the server stays healthy`, async ({ request }) => {
      for (const path of PATHS) {
        const { status, head } = await rawRequest(method, path);
        expect(status, `${method} ${path}`).toBe(405);
        expect(head, `${method} ${path}`).toMatch(new RegExp(`^allow: ${SERVED}$`, 'im'));
      }
      expect((await request.get('/api/health')).status()).toBe(200);
    });
  }

  test("a method a route does not serve gets Next.js's 405 with that route's Allow", async ({ request }) => {
    for (const [method, path, allow] of [
      ['PUT', '/api/health', 'GET, HEAD, OPTIONS'],
      ['PATCH', '/api/openapi.json', 'GET, HEAD, OPTIONS'],
      ['PUT', '/api/reviews/bundled', 'DELETE, GET, HEAD, OPTIONS, PATCH'],
    ] as const) {
      const response = await request.fetch(path, { method });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(response.headers()['allow'], `${method} ${path}`).toBe(allow);
    }
  });

  test('CONNECT answers 405 with Allow instead of a dropped connection', async ({ request }) => {
    const { status, head } = await rawRequest('CONNECT', '127.0.0.1:5432');
    expect(status).toBe(405);
    expect(head).toMatch(/^allow: GET, /im);
    expect((await request.get('/api/health')).status()).toBe(200);
  });
});

test.describe('caching of API answers', () => {
  test('every API answer says Cache-Control: no-store, errors included; pages are not cached either', async ({ request }) => {
    for (const [path, status] of [
      ['/api/health', 200],
      ['/api/reviews?limit=1', 200],
      ['/api/openapi.json', 200],
      ['/api/reviews/r-000000000000', 404],
      ['/api/audit-log', 403],
    ] as const) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(status);
      expect(response.headers()['cache-control'], path).toBe('no-store');
    }
    expect((await request.get('/')).headers()['cache-control']).toContain('no-store');
  });

  test('the live update streams keep their own Cache-Control and still stream', async ({ request }) => {
    const response = await fetch(`${BASE_URL}/api/deploys/events`, {
      headers: { cookie: await cookieOf(request) },
      signal: AbortSignal.timeout(15_000),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toMatch(/event: |: /);
    await reader.cancel();
  });
});

test.describe('pages a role may not see', () => {
  test.use({ storageState: storageStateOf('reviewer') });

  test('answer HTTP 403 with the 403 page, not 200', async ({ page }) => {
    for (const path of ['/admin', '/admin/users', '/admin/settings', '/admin/audit-log']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByTestId('forbidden')).toContainText('403');
      await expect(page.getByTestId('user-menu')).toBeVisible();
    }
  });
});

test.describe('server actions from elsewhere', () => {
  test.use({ storageState: storageStateOf('admin') });
  // Any action id will do: the refusal comes before Next.js looks the action up.
  const action = { 'next-action': '7f'.repeat(21), 'content-type': 'text/plain;charset=UTF-8' };

  test('a cookie-authenticated action with no Origin, or a foreign one, is a 403 and changes nothing', async ({ request }) => {
    const before = await (await request.get('/api/settings')).json();
    for (const origin of [undefined, 'https://evil.example', 'null', `${BASE_URL}.evil.example`]) {
      const response = await request.post('/admin/settings', {
        headers: { ...action, ...(origin ? { origin } : {}) },
        data: '[{"requiredSignoffs":"3"}]',
        maxRedirects: 0,
      });
      expect(response.status(), `Origin ${origin ?? '(none)'}`).toBe(403);
      expect((await response.json()).error.code).toBe('forbidden:auth');
    }
    expect(await (await request.get('/api/settings')).json()).toEqual(before);
  });

  test('the same request from the app itself reaches Next.js (an unknown action is its 404, not our 403)', async ({ request }) => {
    const response = await request.post('/admin/settings', { headers: { ...action, origin: BASE_URL }, data: '[]' });
    expect(response.status()).not.toBe(403);
    expect(response.status()).toBeLessThan(500);
  });

  test('a form post without JavaScript (no Next-Action header) from another origin is refused too', async ({ request }) => {
    const response = await request.post('/account/tokens', {
      headers: { origin: 'https://evil.example' },
      multipart: { $ACTION_ID_0: 'x', name: 'stolen' },
    });
    expect(response.status()).toBe(403);
  });

  test.describe('signed out', () => {
    test.use({ storageState: ANONYMOUS });
    test('the first-run setup action is held to the same rule', async ({ request }) => {
      const response = await request.post('/setup', { headers: { ...action, origin: 'https://evil.example' }, data: '[]' });
      expect(response.status()).toBe(403);
    });
  });
});

/** The Cookie header of the spec's signed-in request context. */
async function cookieOf(request: { storageState: () => Promise<{ cookies: { name: string; value: string }[] }> }): Promise<string> {
  const { cookies } = await request.storageState();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
