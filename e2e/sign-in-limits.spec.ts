import { execFileSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import type { E2eUser } from './global-setup';
import { expect, test } from './fixtures';
import { startOwnServer, type OwnServer } from './own-server';

// Sign-in limits over real HTTP, on a server of the same build (server.mjs) with a database of its own: these
// attempts lock an address and an account, which the shared server's specs must not meet.
const PORT = Number(process.env.E2E_PORT || 3100) + 70;
let server: OwnServer | undefined;
let users: E2eUser[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startOwnServer({ port: PORT, dataDir: path.resolve('reports/e2e-sign-in-limits-data') });
  const output = execFileSync('npx', ['tsx', 'e2e/seed-users.ts'], {
    env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  users = (JSON.parse(output.trim().split('\n').at(-1)!) as { users: E2eUser[] }).users;
});

test.afterAll(() => server?.stop());

/**
 * One password sign-in as a browser on the app's origin would send it, over a connection from the loopback address
 * `from` (every 127.x.y.z is this machine, so each is a TCP peer of its own), with extra headers: status and headers.
 */
function signIn(
  email: string,
  password: string,
  { from = '127.0.0.1', headers = {} }: { from?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: PORT,
        localAddress: from,
        method: 'POST',
        path: '/api/auth/sign-in/email',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), origin: server!.origin, ...headers },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

test.describe.configure({ mode: 'serial' });

test('a rotating X-Forwarded-For does not escape the per-address limit (TRUSTED_PROXIES unset)', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const response = await signIn(`nobody-${i}@e2e.test`, 'wrong', { headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } });
    statuses.push(response.status);
  }
  // Five attempts a minute from one TCP peer, whatever address the client claims; unknown emails fill no account's count.
  expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(statuses.slice(5)).toEqual([429, 429, 429]);
});

test('an account locks after five failures, whatever address they claim to come from', async () => {
  const viewer = users.find((user) => user.key === 'viewer')!;
  const admin = users.find((user) => user.key === 'admin')!;
  // Each failure from an address of its own: no per-address limit is reached, only the account's.
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await signIn(viewer.email, `wrong-${i}`, { from: `127.0.1.${i + 1}` })).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401]);
  const locked = await signIn(viewer.email, viewer.password, { from: '127.0.2.1', headers: { 'x-forwarded-for': '203.0.113.9' } });
  expect(locked.status).toBe(429);
  expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  // Another account from a fresh address still signs in: the lock is the account's.
  expect((await signIn(admin.email, admin.password, { from: '127.0.2.2' })).status).toBe(200);
});
