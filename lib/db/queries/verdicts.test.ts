import { describe, expect, it } from 'vitest';
import { dialects, useMigratedDb } from '../test-dialects';
import { openTestSession, user } from '../test-fixtures';
import { listAuditLog } from './audit-log';
import { listPresenceBySession, prunePresence, removePresence, touchPresence } from './presence';
import { listVerdictsBySession, upsertVerdict } from './verdicts';
import type { VerdictValue } from '../schema';

const [alice, bob] = [user('alice'), user('bob')];

describe.each(dialects())('verdicts and presence on $name', (dialect) => {
  const t = useMigratedDb(dialect);

  it('keeps one verdict per user per finding, replacing it on change and auditing each change', async () => {
    const session = await openTestSession(t.handle.db);
    const set = (verdict: VerdictValue, actor = alice, reason?: string) =>
      upsertVerdict({ sessionId: session.id, findingKey: 'S3/public', verdict, reason, actor }, t.handle.db);

    expect((await set('confirmed')).changed).toBe(true);
    expect((await set('false_positive', alice, 'the bucket is a website')).changed).toBe(true);
    expect((await set('false_positive', alice, 'the bucket is a website')).changed).toBe(false);
    await set('confirmed', bob);

    const verdicts = await listVerdictsBySession({ sessionId: session.id }, t.handle.db);
    expect(verdicts.map((v) => [v.user_id, v.verdict, v.reason])).toEqual([
      [alice.id, 'false_positive', 'the bucket is a website'],
      [bob.id, 'confirmed', null],
    ]);
    const { entries } = await listAuditLog(
      { action: 'verdict.set', entityId: `${session.id}/S3/public/${alice.id}`, limit: 10 },
      t.handle.db,
    );
    expect(
      entries.map((entry) => [(entry.before as { verdict: string } | null)?.verdict ?? null, (entry.after as { verdict: string }).verdict]),
    ).toEqual([
      ['confirmed', 'false_positive'],
      [null, 'confirmed'],
    ]);
  });

  it('refuses unknown verdicts and unknown sessions', async () => {
    const session = await openTestSession(t.handle.db);
    await expect(
      upsertVerdict({ sessionId: session.id, findingKey: 'k', verdict: 'maybe' as VerdictValue, actor: alice }, t.handle.db),
    ).rejects.toThrow(/Unknown verdict/);
    await expect(upsertVerdict({ sessionId: 'nope', findingKey: 'k', verdict: 'confirmed', actor: alice }, t.handle.db)).rejects.toThrow(
      /Unknown audit session/,
    );
  });

  it('lists users seen since a moment, across their connections and instances, and forgets stale ones', async () => {
    const session = await openTestSession(t.handle.db);
    const seen = (connectionId: string, userId: string, instanceId: string) =>
      touchPresence({ connectionId, sessionId: session.id, userId, instanceId }, t.handle.db);
    await seen('c1', alice.id, 'instance-a');
    await seen('c2', alice.id, 'instance-b');
    await seen('c3', bob.id, 'instance-a');
    const stale = new Date(Date.now() - 60_000).toISOString();
    await t.handle.db.updateTable('presence').set({ last_seen: stale }).where('connection_id', '=', 'c3').execute();

    const since = new Date(Date.now() - 30_000).toISOString();
    expect((await listPresenceBySession({ sessionId: session.id, since }, t.handle.db)).map((p) => p.userId)).toEqual([alice.id]);
    await seen('c3', bob.id, 'instance-a');
    expect((await listPresenceBySession({ sessionId: session.id, since }, t.handle.db)).map((p) => p.userId)).toEqual([alice.id, bob.id]);

    await removePresence({ connectionId: 'c1' }, t.handle.db);
    await t.handle.db.updateTable('presence').set({ last_seen: stale }).where('connection_id', '=', 'c2').execute();
    expect(await prunePresence({ before: since }, t.handle.db)).toBe(1);
    expect((await listPresenceBySession({ sessionId: session.id, since: stale }, t.handle.db)).map((p) => p.userId)).toEqual([bob.id]);
  });
});
