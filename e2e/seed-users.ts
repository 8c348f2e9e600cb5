/* Run by e2e/global-setup.ts with tsx against the web server's DATA_DIR: creates one user per role (and a second
   reviewer), signs each in through better-auth's server API, and prints {users:[{key,role,email,password,cookie}]}. */
import { randomBytes } from 'node:crypto';
import { openAuth } from '../lib/auth/auth';
import { signInCookie } from '../lib/auth/test-users';
import { createUser } from '../lib/auth/users';
import { getDb } from '../lib/db/connection';
import { migrateToLatest } from '../lib/db/migrate';
import type { Role } from '../lib/auth/roles';

const USERS: Array<{ key: string; role: Role }> = [
  { key: 'viewer', role: 'viewer' },
  { key: 'reviewer', role: 'reviewer' },
  { key: 'reviewer2', role: 'reviewer' },
  { key: 'deployer', role: 'deployer' },
  { key: 'admin', role: 'admin' },
];

async function main(): Promise<void> {
  const handle = getDb();
  await migrateToLatest(handle);
  const auth = await openAuth(handle);
  const users = [];
  const run = randomBytes(3).toString('hex');
  for (const { key, role } of USERS) {
    const email = `${key}-${run}@e2e.test`;
    const password = `e2e-${randomBytes(12).toString('hex')}`;
    await createUser(auth, { email, name: `E2E ${key}`, password, role });
    users.push({ key, role, email, password, cookie: await signInCookie(auth, { email, password }) });
  }
  await handle.close();
  process.stdout.write(`${JSON.stringify({ users })}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
