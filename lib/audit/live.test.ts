import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles';
import { createTestUsers, type TestUser } from '../auth/test-users';
import { touchPresence } from '../db/queries/presence';
import { dialects, useMigratedDb } from '../db/test-dialects';
import { countRows } from '../db/test-fixtures';
import { createAuditSession } from './create-session';
import { openSessionEvents } from './live';
import { authed, fakeReview } from './test-support';
import { readSse } from './test-sse';

describe.each(dialects())('a live session connection on $name', (dialect) => {
  const t = useMigratedDb(dialect);
  let users: Record<Role, TestUser>;
  let sessionId: string;
  const deps = (timings = {}) => ({ handle: t.handle, loadReview: async () => fakeReview(), timings });

  beforeAll(async () => {
    users = await createTestUsers(t.handle);
    sessionId = (await createAuditSession({ reviewId: 'bundled', input: { name: 'live' }, user: authed(users.reviewer) }, deps())).id;
  });

  const connect = async (role: Role, timings = {}) => {
    const abort = new AbortController();
    const stream = await openSessionEvents({ sessionId, user: authed(users[role]), signal: abort.signal }, deps(timings));
    const reader = readSse(new Response(stream));
    await reader.next((frame) => frame.event === 'ready');
    return { abort, reader };
  };

  it('shows each joiner and leaver to the others, and forgets a closed connection', async () => {
    const viewer = await connect('viewer');
    await viewer.reader.next((f) => f.event === 'presence' && f.data.data.length === 1);
    const reviewer = await connect('reviewer');
    const both = await viewer.reader.next((f) => f.event === 'presence' && f.data.data.length === 2);
    expect(both.data.data.map((p: { userLabel: string }) => p.userLabel).sort()).toEqual(
      [users.reviewer.user.name, users.viewer.user.name].sort(),
    );
    reviewer.abort.abort();
    const left = await viewer.reader.next((f) => f.event === 'presence' && f.data.data.length === 1);
    expect(left.data.data).toEqual([{ userId: users.viewer.user.id, userLabel: users.viewer.user.name }]);
    viewer.abort.abort();
    await expect.poll(() => countRows(t.handle.db, 'presence')).toBe(0);
  });

  it("sends heartbeats, and tells its client when a crashed instance's user expired", async () => {
    await touchPresence({ connectionId: 'ghost', sessionId, userId: users.admin.user.id, instanceId: 'dead-instance' }, t.handle.db);
    const viewer = await connect('viewer', { heartbeatMs: 50, presenceMs: 50 });
    // On PostgreSQL a presence event of the previous test can still be in flight: wait for the one that counts us.
    const joined = await viewer.reader.next((f) => f.event === 'presence' && f.data.data.length === 2);
    expect(joined.data.data.map((p: { userId: string }) => p.userId).sort()).toEqual([users.admin.user.id, users.viewer.user.id].sort());
    await viewer.reader.next((f) => f.event === 'ping');
    const expired = new Date(Date.now() - 60_000).toISOString();
    await t.handle.db.updateTable('presence').set({ last_seen: expired }).where('connection_id', '=', 'ghost').execute();
    const alone = await viewer.reader.next((f) => f.event === 'presence' && f.data.data.length === 1);
    expect(alone.data.data).toEqual([{ userId: users.viewer.user.id, userLabel: users.viewer.user.name }]);
    viewer.abort.abort();
    await expect.poll(() => countRows(t.handle.db, 'presence')).toBe(1);
    await t.handle.db.deleteFrom('presence').execute();
  });

  it.runIf(dialect.name === 'postgres')('asks its client to resync after the LISTEN connection was lost', async () => {
    const viewer = await connect('viewer');
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and query = 'LISTEN infra_review_events'`.execute(t.handle.db);
    expect((await viewer.reader.next((f) => f.event === 'resync')).event).toBe('resync');
    viewer.abort.abort();
    await expect.poll(() => countRows(t.handle.db, 'presence')).toBe(0);
  });
});
