import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { DbConfig } from './config';
import { openDb, type DbHandle, type Dialect } from './connection';
import { migrateToLatest } from './migrate';

/** A throwaway database for one test suite. */
export interface TestDatabase {
  config: DbConfig;
  drop(): Promise<void>;
}

/** A dialect the data layer tests run against. */
export interface TestDialect {
  name: Dialect;
  createDatabase(): Promise<TestDatabase>;
}

/** SQLite (a temp file per suite) always, and PostgreSQL (a database per suite) when TEST_DATABASE_URL is set. */
export function dialects(env: NodeJS.ProcessEnv = process.env): TestDialect[] {
  const serverUrl = env.TEST_DATABASE_URL?.trim();
  const sqlite: TestDialect = { name: 'sqlite', createDatabase: createSqliteDatabase };
  if (!serverUrl) return [sqlite];
  return [sqlite, { name: 'postgres', createDatabase: () => createPostgresDatabase(serverUrl) }];
}

/** A migrated handle on a fresh database for the enclosing describe block; `config` opens more handles ("instances"). */
export function useMigratedDb(dialect: TestDialect): { readonly handle: DbHandle; readonly config: DbConfig } {
  let database: TestDatabase | undefined;
  let handle: DbHandle | undefined;
  beforeAll(async () => {
    database = await dialect.createDatabase();
    handle = openDb(database.config);
    await migrateToLatest(handle);
  });
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });
  return {
    get handle() {
      if (!handle) throw new Error('the test database is opened in beforeAll');
      return handle;
    },
    get config() {
      if (!database) throw new Error('the test database is created in beforeAll');
      return database.config;
    },
  };
}

async function createSqliteDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-review-db-'));
  return {
    config: { dialect: 'sqlite', file: path.join(dir, 'test.sqlite') },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function createPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `infra_review_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) }) });
  try {
    await sql`create database ${sql.id(name)}`.execute(admin);
  } finally {
    await admin.destroy();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    config: { dialect: 'postgres', url: url.toString() },
    async drop() {
      const dropper = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) }) });
      try {
        await sql`drop database if exists ${sql.id(name)} with (force)`.execute(dropper);
      } finally {
        await dropper.destroy();
      }
    },
  };
}
