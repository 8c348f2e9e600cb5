import { describe, expect, it } from 'vitest';
import { testRequest } from '@/lib/audit/test-support';
import { useRouteTestEnv } from '../admin/_test/route-env';
import { getDb } from '@/lib/db/connection';
import type { AuditLogEntry } from '@/lib/db/queries/audit-log';
import { appendAuditLog } from '@/lib/db/queries/audit-log';
import { GET } from './route';

const env = useRouteTestEnv();

async function page(query: string): Promise<{ entries: AuditLogEntry[]; nextCursor: number | null }> {
  const response = await GET(testRequest('GET', `/api/audit-log${query}`, { cookie: env.users.admin }));
  expect(response.status).toBe(200);
  return response.json();
}

describe('GET /api/audit-log', () => {
  it('answers 401 to anonymous callers and 403 to every role below admin, by cookie or token', async () => {
    expect((await GET(testRequest('GET', '/api/audit-log', 'anonymous'))).status).toBe(401);
    for (const role of ['viewer', 'reviewer', 'deployer'] as const) {
      expect((await GET(testRequest('GET', '/api/audit-log', { cookie: env.users[role] }))).status).toBe(403);
      expect((await GET(testRequest('GET', '/api/audit-log', { bearer: env.users[role] }))).status).toBe(403);
    }
    expect((await GET(testRequest('GET', '/api/audit-log', { bearer: env.users.admin }))).status).toBe(200);
  });

  it('lists the seeded users’ creation, newest first', async () => {
    const { entries } = await page('');
    const created = entries.filter((e) => e.action === 'user.create').map((e) => e.entityId);
    expect(created).toEqual(expect.arrayContaining(Object.values(env.users).map((u) => u.user.id)));
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));
  });

  it('filters by action, entity type, entity id and actor; empty parameters count as absent', async () => {
    const byAction = await page('?action=user.create&actor=&since=');
    expect(byAction.entries).toHaveLength(4);
    expect(byAction.entries.every((e) => e.action === 'user.create')).toBe(true);
    const tokens = await page('?entityType=token');
    expect(tokens.entries.length).toBeGreaterThanOrEqual(4);
    expect(tokens.entries.every((e) => e.entityType === 'token')).toBe(true);
    const one = await page(`?entityType=user&entityId=${env.users.viewer.user.id}`);
    expect(one.entries.map((e) => e.action)).toEqual(['user.create']);
    await appendAuditLog(
      {
        actor: { id: env.users.admin.user.id, label: env.users.admin.email },
        action: 'test.mark',
        entityType: 'test',
        entityId: 'x',
      },
      getDb().db,
    );
    const byActor = await page(`?actor=${env.users.admin.user.id}`);
    expect(byActor.entries.map((e) => e.action)).toEqual(['test.mark']);
  });

  it('filters by a date range: since inclusive, until exclusive; a date `until` covers that whole day', async () => {
    expect((await page('?since=2999-01-01')).entries).toEqual([]);
    expect((await page('?until=2000-01-01T00:00:00Z')).entries).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const all = await page('?limit=1000');
    expect((await page(`?since=${today}&until=${today}&limit=1000`)).entries).toHaveLength(all.entries.length);
  });

  it('pages by cursor without overlap', async () => {
    const first = await page('?limit=2');
    expect(first.entries).toHaveLength(2);
    expect(first.nextCursor).toBe(first.entries[1].id);
    const second = await page(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.entries[0].id).toBeLessThan(first.entries[1].id);
  });

  it('refuses a bad query with 400', async () => {
    for (const query of [
      '?limit=0',
      '?limit=abc',
      '?since=yesterday',
      '?format=xml',
      '?cursor=-1',
      '?unknown=1',
      `?action=${'a'.repeat(101)}`,
    ]) {
      const response = await GET(testRequest('GET', `/api/audit-log${query}`, { cookie: env.users.admin }));
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.code).toBe('bad_request:input');
    }
  });

  it('exports every matching entry, over several pages, as one JSON object per line', async () => {
    await getDb()
      .db.transaction()
      .execute(async (trx) => {
        for (let i = 0; i < 1005; i++)
          await appendAuditLog({ actor: { id: null, label: 'bulk' }, action: 'test.bulk', entityType: 'test', entityId: String(i) }, trx);
      });
    const response = await GET(testRequest('GET', '/api/audit-log?format=jsonl&action=test.bulk&limit=5', { cookie: env.users.admin }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment/);
    const text = await response.text();
    expect(text.endsWith('\n')).toBe(true);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditLogEntry);
    expect(lines).toHaveLength(1005);
    expect(new Set(lines.map((e) => e.entityId)).size).toBe(1005);
    expect(lines.every((e) => e.action === 'test.bulk' && e.actorLabel === 'bulk')).toBe(true);
  });
});
