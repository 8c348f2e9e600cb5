import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDialectConfig,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { dbConfigFromEnv, type DbConfig } from './config';
import { processGlobal } from './process-global';
import type { Database } from './schema';

/** The two supported database engines. */
export type Dialect = 'sqlite' | 'postgres';

/** An open database: the Kysely instance, its dialect, and how to release it. */
export interface DbHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

const SQLITE_BUSY_TIMEOUT_MS = 5_000;
const closeHooks = processGlobal('closeHooks', () => new WeakMap<DbHandle, Array<() => Promise<void>>>());
const configs = processGlobal('configs', () => new WeakMap<DbHandle, DbConfig>());
const dialects = processGlobal('dialects', () => new WeakMap<DialectAdapter, Dialect>());
const transactions = processGlobal(
  'transactions',
  () => new WeakMap<Transaction<Database>, { handle: DbHandle; hooks: Array<() => void> }>(),
);
const singleton = processGlobal('singleton', () => ({ handle: undefined as DbHandle | undefined }));

/** Opens a new handle (one per test or instance); SQLite creates its folder and runs in WAL mode with foreign keys on. */
export function openDb(config: DbConfig = dbConfigFromEnv()): DbHandle {
  const db = config.dialect === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url);
  let closing: Promise<void> | undefined;
  const handle: DbHandle = {
    db,
    dialect: config.dialect,
    close() {
      closing ??= (async () => {
        if (singleton.handle === handle) singleton.handle = undefined;
        for (const hook of closeHooks.get(handle) ?? []) await hook();
        await db.destroy();
      })();
      return closing;
    },
  };
  configs.set(handle, config);
  dialects.set(db.getExecutor().adapter, config.dialect);
  return handle;
}

/** The configuration a handle was opened with (e.g. for a dedicated LISTEN connection). */
export function configOf(handle: DbHandle): DbConfig {
  const config = configs.get(handle);
  if (!config) throw new Error('configOf needs a handle from openDb');
  return config;
}

/** The process-wide handle configured by the environment (kept across dev reloads). */
export function getDb(): DbHandle {
  singleton.handle ??= openDb(dbConfigFromEnv());
  return singleton.handle;
}

/**
 * Runs `fn` in one transaction: it commits when `fn` resolves and rolls back entirely when it throws.
 * Do not nest: on SQLite the single connection is busy with the outer transaction.
 */
export async function withTransaction<T>(fn: (trx: Transaction<Database>) => Promise<T>, handle: DbHandle = getDb()): Promise<T> {
  const hooks: Array<() => void> = [];
  const result = await handle.db.transaction().execute((trx) => {
    transactions.set(trx, { handle, hooks });
    return fn(trx);
  });
  for (const hook of hooks) {
    try {
      hook();
    } catch (error) {
      console.error('after-commit hook failed', error);
    }
  }
  return result;
}

/** Queues `fn` to run only once `trx` (opened by withTransaction) has committed; never runs on rollback. */
export function afterCommit(trx: Transaction<Database>, fn: () => void): void {
  const hooks = transactions.get(trx)?.hooks;
  if (!hooks) throw new Error('afterCommit needs a transaction opened by withTransaction');
  hooks.push(fn);
}

/** The handle whose withTransaction opened `trx`, or undefined for any other transaction. */
export function handleOfTransaction(trx: Transaction<Database>): DbHandle | undefined {
  return transactions.get(trx)?.handle;
}

/** Registers cleanup (e.g. a LISTEN client) that runs when `handle` closes, before its pool is destroyed. */
export function onClose(handle: DbHandle, hook: () => Promise<void>): void {
  const hooks = closeHooks.get(handle) ?? [];
  hooks.push(hook);
  closeHooks.set(handle, hooks);
}

/** The dialect behind a Kysely instance or transaction opened through openDb. */
export function dialectOf(db: Kysely<Database>): Dialect {
  const dialect = dialects.get(db.getExecutor().adapter);
  if (!dialect) throw new Error('dialectOf needs a database opened by openDb');
  return dialect;
}

function openSqlite(file: string): Kysely<Database> {
  // The file holds password hashes and the generated auth secret: only the app's user may read it.
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const database = new SqliteDatabase(file);
  if (file !== ':memory:') fs.chmodSync(file, 0o600);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database }) });
}

/**
 * SQLite with `BEGIN IMMEDIATE`: a transaction takes the write lock up front, waiting up to busy_timeout, instead of
 * failing with SQLITE_BUSY when it upgrades from reading to writing while another process (the CLI) writes.
 * Kysely's adapter says SQLite lacks transactional DDL, so its Migrator would run migrations statement by statement;
 * SQLite has it, and claiming it makes each migration atomic and serialized against other processes.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

function openPostgres(url: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its server connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => console.error('postgres pool client error', error.message));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
