import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDb } from './connection';
import { migrateToLatest, registerMigrationHook } from './migrate';
import { appMigrations } from './migrations';
import { dialects, useMigratedDb } from './test-dialects';

const APP_TABLES = [
  'audit_log',
  'audit_sessions',
  'comments',
  'line_comments',
  'manual_findings',
  'notify_payloads',
  'presence',
  'session_snapshots',
  'settings',
  'signoffs',
  'verdicts',
];

describe.each(dialects())('migrations on $name', (dialect) => {
  const t = useMigratedDb(dialect);

  it('creates every app table', async () => {
    const tables = (await t.handle.db.introspection.getTables()).map((table) => table.name);
    expect(tables).toEqual(expect.arrayContaining(APP_TABLES));
  });

  it('runs again without changes or errors', async () => {
    await migrateToLatest(t.handle);
    await migrateToLatest(t.handle);
    const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(t.handle.db);
    expect(applied.rows.map((row) => row.name).sort()).toEqual(Object.keys(appMigrations(dialect.name)).sort());
  });

  it('migrates a fresh database once when two instances start at once, then runs the hooks in each', async () => {
    const database = await dialect.createDatabase();
    const [first, second] = [openDb(database.config), openDb(database.config)];
    const seen: string[] = [];
    const unregister = registerMigrationHook(async (handle) => {
      const tables = await handle.db.introspection.getTables();
      seen.push(tables.some((table) => table.name === 'audit_log') ? 'after app tables' : 'too early');
    });
    try {
      await Promise.all([migrateToLatest(first), migrateToLatest(second)]);
      const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(first.db);
      expect(applied.rows).toHaveLength(Object.keys(appMigrations(dialect.name)).length);
    } finally {
      unregister();
      await Promise.all([first.close(), second.close()]);
      await database.drop();
    }
    expect(seen).toEqual(['after app tables', 'after app tables']);
  });
});
