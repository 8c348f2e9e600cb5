import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withTransaction } from '../connection';
import { dialects, useMigratedDb } from '../test-dialects';
import { appendAuditLog, auditLogToJsonLines, listAuditLog } from './audit-log';

describe.each(dialects())('audit log on $name', (dialect) => {
  const t = useMigratedDb(dialect);
  const admin = { id: 'user-admin', label: 'admin@example.test' };

  it('keeps entries with their before and after documents', async () => {
    await withTransaction(async (trx) => {
      await appendAuditLog(
        {
          actor: admin,
          action: 'user.create',
          entityType: 'user',
          entityId: 'u1',
          before: null,
          after: { role: 'viewer' },
        },
        trx,
      );
      await appendAuditLog(
        {
          actor: admin,
          action: 'user.role',
          entityType: 'user',
          entityId: 'u1',
          before: { role: 'viewer' },
          after: { role: 'admin' },
        },
        trx,
      );
      await appendAuditLog({ actor: { id: null, label: 'cli' }, action: 'token.create', entityType: 'token', entityId: 't1' }, trx);
    }, t.handle);
    const { entries } = await listAuditLog({ entityType: 'user', entityId: 'u1', limit: 10 }, t.handle.db);
    expect(entries.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      ['user.role', { role: 'viewer' }, { role: 'admin' }],
      ['user.create', null, { role: 'viewer' }],
    ]);
    expect(typeof entries[0].id).toBe('number');
  });

  it('is rejected by the database on UPDATE and DELETE', async () => {
    await expect(sql`update audit_log set action = 'forged'`.execute(t.handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.handle.db)).rejects.toThrow(/append-only/);
    const { entries } = await listAuditLog({ limit: 100 }, t.handle.db);
    expect(entries.map((entry) => entry.action)).not.toContain('forged');
    expect(entries).toHaveLength(3);
  });

  it('filters by actor, action and time, and pages with a cursor', async () => {
    const byCli = await listAuditLog({ actorId: admin.id, action: 'user.create', limit: 10 }, t.handle.db);
    expect(byCli.entries).toHaveLength(1);
    const future = await listAuditLog({ since: '2999-01-01T00:00:00.000Z', limit: 10 }, t.handle.db);
    expect(future.entries).toEqual([]);
    const past = await listAuditLog({ until: '2000-01-01T00:00:00.000Z', limit: 10 }, t.handle.db);
    expect(past.entries).toEqual([]);

    const first = await listAuditLog({ limit: 2 }, t.handle.db);
    const second = await listAuditLog({ limit: 2, cursor: first.nextCursor }, t.handle.db);
    expect(first.entries).toHaveLength(2);
    expect(second.entries).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.entries, ...second.entries].map((entry) => entry.id)).size).toBe(3);
  });

  it('exports entries as JSON lines, one parseable object per line', async () => {
    const { entries } = await listAuditLog({ limit: 10 }, t.handle.db);
    const lines = auditLogToJsonLines(entries).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line))).toEqual(entries);
  });
});
