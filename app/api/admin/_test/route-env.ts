import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { getAuth, type Auth } from '@/lib/auth/auth';
import type { Role } from '@/lib/auth/roles';
import { createTestUsers, type TestUser } from '@/lib/auth/test-users';
import { getDb } from '@/lib/db/connection';
import { TEST_APP } from '@/lib/audit/test-support';

/**
 * Points the process-wide database at a fresh SQLite file in a temp DATA_DIR for the enclosing file's tests, and
 * creates one signed-in user per role there. Route handlers then run exactly as in the server.
 */
export function useRouteTestEnv(): { readonly users: Record<Role, TestUser>; readonly auth: Auth } {
  let dir: string | undefined;
  let users: Record<Role, TestUser> | undefined;
  let auth: Auth | undefined;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-review-routes-'));
    Object.assign(process.env, { DATA_DIR: dir, DATABASE_URL: '', BETTER_AUTH_URL: TEST_APP });
    auth = await getAuth();
    users = await createTestUsers(getDb(), auth);
  });
  afterAll(async () => {
    await getDb().close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    get users() {
      if (!users) throw new Error('test users are created in beforeAll');
      return users;
    },
    get auth() {
      if (!auth) throw new Error('auth is opened in beforeAll');
      return auth;
    },
  };
}

/** Route context carrying a dynamic `[id]` segment. */
export function idParams(id: string): { params: Promise<{ id: string }> } {
  return { params: Promise.resolve({ id }) };
}
