import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { getAuth, type Auth } from '@/lib/auth/auth';
import type { Role } from '@/lib/auth/roles';
import { createTestUsers, type TestUser } from '@/lib/auth/test-users';
import { getDb } from '@/lib/db/connection';

/** The origin route-test requests are addressed to (and the configured app origin). */
export const APP = 'http://app.test';

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
    Object.assign(process.env, { DATA_DIR: dir, DATABASE_URL: '', BETTER_AUTH_URL: APP });
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

/** Who sends a test request: a user's session cookie (same-origin), their bearer token, or nobody. */
export type Caller = { cookie: TestUser } | { bearer: TestUser | string } | 'anonymous';

/** A request to `path` as `caller`, with `body` sent as JSON (a string is sent verbatim). */
export function request(method: string, path: string, caller: Caller, body?: unknown): Request {
  const headers: Record<string, string> = {};
  if (caller !== 'anonymous' && 'cookie' in caller) Object.assign(headers, { cookie: caller.cookie.cookie, origin: APP });
  if (caller !== 'anonymous' && 'bearer' in caller) {
    headers.authorization = `Bearer ${typeof caller.bearer === 'string' ? caller.bearer : caller.bearer.token}`;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Request(`${APP}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Route context carrying a dynamic `[id]` segment. */
export function idParams(id: string): { params: Promise<{ id: string }> } {
  return { params: Promise.resolve({ id }) };
}
