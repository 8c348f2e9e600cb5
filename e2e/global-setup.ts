import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AUTH_DIR, BASE_URL, E2E_DATA_DIR } from '../playwright.config';

/** A seeded e2e account and its sign-in. */
export interface E2eUser {
  key: string;
  role: string;
  email: string;
  password: string;
  cookie: string;
}

/**
 * Runs once the web server is up (its DATA_DIR was wiped by its command): seeds one user per role in the server's
 * database and saves each one's signed-in browser state as `reports/e2e-auth/<key>.json`, plus `users.json`.
 */
export default async function globalSetup(): Promise<void> {
  const output = execFileSync('npx', ['tsx', 'e2e/seed-users.ts'], {
    env: { ...process.env, DATA_DIR: E2E_DATA_DIR, DATABASE_URL: '' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { users } = JSON.parse(output.trim().split('\n').at(-1)!) as { users: E2eUser[] };
  fs.rmSync(AUTH_DIR, { recursive: true, force: true });
  fs.mkdirSync(AUTH_DIR, { recursive: true, mode: 0o700 });
  const { hostname } = new URL(BASE_URL);
  for (const user of users) {
    const cookies = user.cookie.split('; ').map((pair) => {
      const eq = pair.indexOf('=');
      return {
        name: pair.slice(0, eq),
        value: pair.slice(eq + 1),
        domain: hostname,
        path: '/',
        expires: -1,
        httpOnly: true,
        secure: false,
        sameSite: 'Lax' as const,
      };
    });
    fs.writeFileSync(path.join(AUTH_DIR, `${user.key}.json`), JSON.stringify({ cookies, origins: [] }), { mode: 0o600 });
  }
  fs.writeFileSync(path.join(AUTH_DIR, 'users.json'), JSON.stringify(users.map(({ cookie: _c, ...u }) => u)), { mode: 0o600 });
}
