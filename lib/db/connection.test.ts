import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { afterCommit, withTransaction } from './connection';
import { addComment } from './queries/comments';
import { createSession } from './queries/sessions';
import { dialects, useMigratedDb } from './test-dialects';
import { countRows, openTestSession, user } from './test-fixtures';

describe.each(dialects())('connection on $name', (dialect) => {
  const t = useMigratedDb(dialect);

  it.runIf(dialect.name === 'sqlite')('opens SQLite in WAL mode with foreign keys enforced', async () => {
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(t.handle.db);
    const foreignKeys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(t.handle.db);
    expect(journal.rows[0].journal_mode).toBe('wal');
    expect(foreignKeys.rows[0].foreign_keys).toBe(1);
  });

  it('rolls a transaction back entirely, audit rows included, when a later write fails', async () => {
    const sessionsBefore = await countRows(t.handle.db, 'audit_sessions');
    const auditBefore = await countRows(t.handle.db, 'audit_log');
    await expect(
      withTransaction(async (trx) => {
        const session = await openTestSession(trx);
        await addComment({ sessionId: session.id, findingKey: 'rule/a', body: 'looks right', actor: user('bob') }, trx);
        await addComment({ sessionId: 'no-such-session', findingKey: 'rule/a', body: 'fails', actor: user('bob') }, trx);
      }, t.handle),
    ).rejects.toThrow(/Unknown audit session/);
    expect(await countRows(t.handle.db, 'audit_sessions')).toBe(sessionsBefore);
    expect(await countRows(t.handle.db, 'comments')).toBe(0);
    expect(await countRows(t.handle.db, 'audit_log')).toBe(auditBefore);
  });

  it('rolls back when the database itself rejects a write (foreign key)', async () => {
    const auditBefore = await countRows(t.handle.db, 'audit_log');
    await expect(
      withTransaction(async (trx) => {
        await openTestSession(trx);
        await trx
          .insertInto('signoffs')
          .values({ session_id: 'no-such-session', user_id: 'user-bob', created_at: new Date().toISOString() })
          .execute();
      }, t.handle),
    ).rejects.toThrow();
    expect(await countRows(t.handle.db, 'audit_log')).toBe(auditBefore);
  });

  it('runs after-commit hooks only when the transaction commits', async () => {
    const ran: string[] = [];
    await withTransaction(async (trx) => {
      afterCommit(trx, () => ran.push('committed'));
      expect(ran).toEqual([]);
    }, t.handle);
    await withTransaction(async (trx) => {
      afterCommit(trx, () => ran.push('rolled back'));
      throw new Error('abort');
    }, t.handle).catch(() => undefined);
    expect(ran).toEqual(['committed']);
  });

  it('writes on their own when given no transaction', async () => {
    const session = await createSession(
      { reviewId: 'r2', name: 'standalone', referenceHash: 'a', modelHash: 'b', actor: user('carol') },
      t.handle.db,
    );
    expect(session.required_signoffs).toBe(1);
  });
});
