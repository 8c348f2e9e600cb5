import { Migrator, sql } from 'kysely';
import { getDb, type DbHandle } from './connection';
import { appMigrations } from './migrations';
import { processGlobal } from './process-global';

/** Extra schema work run after the app's migrations, e.g. better-auth's own tables. */
export type MigrationHook = (handle: DbHandle) => Promise<void>;

const hooks = processGlobal('migrationHooks', (): MigrationHook[] => []);
const sqliteQueue = processGlobal('sqliteMigrationQueue', () => ({ tail: Promise.resolve() as Promise<unknown> }));
const migrated = processGlobal('migrated', () => new WeakMap<DbHandle, Promise<void>>());

/** Adds a hook that every later migrateToLatest runs after the app's migrations (once, however often registered); returns its removal. */
export function registerMigrationHook(hook: MigrationHook): () => void {
  if (!hooks.includes(hook)) hooks.push(hook);
  return () => {
    const index = hooks.indexOf(hook);
    if (index >= 0) hooks.splice(index, 1);
  };
}

/**
 * Brings the schema up to date: app migrations, then the registered hooks. Idempotent, and safe when several
 * instances start together on PostgreSQL: they queue on one advisory lock and later ones find nothing to do.
 */
export async function migrateToLatest(handle: DbHandle = getDb()): Promise<void> {
  await withMigrationLock(handle, async () => {
    const migrator = new Migrator({
      db: handle.db,
      provider: { getMigrations: async () => appMigrations(handle.dialect) },
    });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((result) => result.status === 'Error');
    if (error) {
      throw new Error(`migration ${failed?.migrationName ?? '(setup)'} failed: ${String(error)}`, { cause: error });
    }
    for (const hook of hooks) await hook(handle);
  });
}

/** migrateToLatest once per handle for the life of the process; concurrent callers share the same run. */
export function ensureMigrated(handle: DbHandle = getDb()): Promise<void> {
  let run = migrated.get(handle);
  if (!run) {
    run = migrateToLatest(handle).catch((error) => {
      migrated.delete(handle);
      throw error;
    });
    migrated.set(handle, run);
  }
  return run;
}

/**
 * Holds a session-level advisory lock on PostgreSQL for the whole run, hooks included. Kysely's Migrator takes its own
 * advisory lock (a different, fixed key) only around its migrations, which would leave the hooks unguarded.
 * On SQLite each migration is an IMMEDIATE transaction (see connection.ts), which serializes processes; within one
 * process the runs queue here, because a second handle's busy wait would block the thread the first one needs.
 */
async function withMigrationLock(handle: DbHandle, run: () => Promise<void>): Promise<void> {
  if (handle.dialect !== 'postgres') {
    const turn = sqliteQueue.tail.then(run);
    sqliteQueue.tail = turn.catch(() => undefined);
    return turn;
  }
  await handle.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext('infra-review:migrations'))`.execute(connection);
    try {
      await run();
    } finally {
      await sql`select pg_advisory_unlock(hashtext('infra-review:migrations'))`.execute(connection);
    }
  });
}
