import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { getAuth } from '../auth/auth';
import type { AuthedUser } from '../auth/authorize';
import type { Role } from '../auth/roles';
import { createTestUsers, type TestUser } from '../auth/test-users';
import { getDb, type DbHandle } from '../db/connection';
import { processGlobal } from '../db/process-global';
import type { TestDatabase, TestDialect } from '../db/test-dialects';
import { countFindings } from '../pipeline/counts';
import type { ArtifactState, ReviewFinding, ReviewResult } from '../pipeline/types';

/** The origin route-test requests are addressed to (and the configured app origin). */
export const TEST_APP = 'http://app.test';

/** A small review for service tests: three model findings, one reference finding; artifacts ok unless `failed`. */
export function fakeReview(opts: { referenceHash?: string; modelHash?: string; failed?: 'reference' | 'model' } = {}): ReviewResult {
  const artifact = (label: 'reference' | 'model', hash: string): ArtifactState =>
    opts.failed === label
      ? { status: 'failed', label, origin: 'infra/', stage: 'synthesis', message: 'synthesis exploded' }
      : { status: 'ok', label, origin: 'infra/', kind: 'template-file', hash, resourceCount: 3, sources: [] };
  const finding = (side: 'model' | 'reference', rule: string, resource: string): ReviewFinding => ({
    side,
    rule,
    category: 'security',
    severity: 'error',
    title: `${rule} title`,
    message: `${rule} on ${resource}`,
    resources: [resource],
    source: 'infra-review',
  });
  const findings = [
    finding('model', 'iam-least-privilege', 'RoleA'),
    finding('model', 's3-encryption-enforced', 'Bucket'),
    finding('model', 'lambda-log-group', 'FnA'),
    finding('reference', 'lambda-log-group', 'FnRef'),
  ];
  return {
    id: 'bundled',
    name: 'Fake review',
    generatedAt: '2025-01-01T00:00:00.000Z',
    reference: artifact('reference', opts.referenceHash ?? 'ref-hash-1'),
    model: artifact('model', opts.modelHash ?? 'model-hash-1'),
    findings,
    counts: countFindings(findings),
    diff: null,
  };
}

/** A valid manual finding body. */
export function manualFinding() {
  return {
    category: 'security',
    severity: 'error',
    title: 'Queue unencrypted',
    problem: 'The DLQ is not encrypted.',
    impact: 'Readable at rest.',
    fix: 'Use KMS.',
    resources: ['DeadLetterQueue'],
  };
}

/** A TestUser as the guard would return it. */
export function authed(user: TestUser): AuthedUser {
  return { id: user.user.id, email: user.email, name: user.user.name, role: user.user.role, via: 'session' };
}

/**
 * Points the process-wide database (getDb, getAuth) at a fresh database of `dialect` for the enclosing describe
 * block, with one signed-in user per role, and restores the environment afterwards: route handlers run as in the server.
 */
export function useRouteEnv(dialect: TestDialect): { readonly users: Record<Role, TestUser>; readonly handle: DbHandle } {
  let database: TestDatabase | undefined;
  let users: Record<Role, TestUser> | undefined;
  let dataDir: string | undefined;
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL, BETTER_AUTH_URL: process.env.BETTER_AUTH_URL };
  beforeAll(async () => {
    await resetSingletons();
    database = await dialect.createDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-review-routes-'));
    const config = database.config;
    Object.assign(
      process.env,
      config.dialect === 'postgres'
        ? { DATABASE_URL: config.url, DATA_DIR: dataDir }
        : { DATABASE_URL: '', DATA_DIR: path.dirname(config.file) },
    );
    process.env.BETTER_AUTH_URL = TEST_APP;
    users = await createTestUsers(getDb(), await getAuth());
  });
  afterAll(async () => {
    await resetSingletons();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await database?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get users() {
      if (!users) throw new Error('test users are created in beforeAll');
      return users;
    },
    get handle() {
      return getDb();
    },
  };
}

/** Closes the process-wide database and forgets the auth instance built on it. */
async function resetSingletons(): Promise<void> {
  const auth = globalThis as typeof globalThis & { __infraReviewAuth?: unknown };
  auth.__infraReviewAuth = undefined;
  await processGlobal('singleton', () => ({ handle: undefined as DbHandle | undefined })).handle?.close();
}

/** Who sends a test request: a user's session cookie (same-origin), their bearer token, or nobody. */
export type Caller = { cookie: TestUser } | { bearer: TestUser | string } | 'anonymous';

/** A request to `path` as `caller`; an object body is sent as JSON, a string verbatim. */
export function testRequest(method: string, path: string, caller: Caller, body?: unknown, init: RequestInit = {}): Request {
  const headers: Record<string, string> = {};
  if (caller !== 'anonymous' && 'cookie' in caller) Object.assign(headers, { cookie: caller.cookie.cookie, origin: TEST_APP });
  if (caller !== 'anonymous' && 'bearer' in caller) {
    headers.authorization = `Bearer ${typeof caller.bearer === 'string' ? caller.bearer : caller.bearer.token}`;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Request(`${TEST_APP}${path}`, { method, headers, body: payload, ...init });
}

/** A route context with the given dynamic segments. */
export function params<P extends Record<string, string>>(values: P): { params: Promise<P> } {
  return { params: Promise.resolve(values) };
}
