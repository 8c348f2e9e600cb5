import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles';
import { createTestUsers, type TestUser } from '../auth/test-users';
import { openDb, type DbHandle } from '../db/connection';
import { listening, subscribe } from '../db/notify';
import { dialects, useMigratedDb } from '../db/test-dialects';
import { countRows } from '../db/test-fixtures';
import type { Database } from '../db/schema';
import { createAuditSession } from './create-session';
import { sessionChannel } from './events';
import { exportSession } from './export';
import { addSessionComment, addSessionManualFinding, setVerdict, signOffSession } from './mutations';
import { getSessionView } from './session-view';
import { authed, fakeReview, manualFinding } from './test-support';
import type { SessionEvent } from './types';

const TABLES: (keyof Database)[] = ['verdicts', 'comments', 'manual_findings', 'signoffs', 'audit_sessions', 'audit_log'];

/** Row counts of every table a session write touches. */
async function counts(handle: DbHandle): Promise<number[]> {
  return Promise.all(TABLES.map((table) => countRows(handle.db, table)));
}

/** Collects a session's events on one handle (one "instance"). */
function inbox(sessionId: string, handle: DbHandle): { events: SessionEvent[]; stop: () => void } {
  const events: SessionEvent[] = [];
  return { events, stop: subscribe(sessionChannel(sessionId), (payload) => events.push(payload as SessionEvent), handle) };
}

/** Waits until `predicate` holds, failing after three seconds. */
async function eventually(predicate: () => boolean): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for an event');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(dialects())('changing an audit session on $name', (dialect) => {
  const t = useMigratedDb(dialect);
  let users: Record<Role, TestUser>;
  const deps = () => ({ handle: t.handle, loadReview: async () => fakeReview() });
  const open = async (requiredSignoffs = 1) => {
    const session = await createAuditSession(
      { reviewId: 'bundled', input: { name: 'audit', requiredSignoffs }, user: authed(users.reviewer) },
      deps(),
    );
    const view = await getSessionView({ sessionId: session.id, user: authed(users.reviewer) }, deps());
    return { id: session.id, key: view.findings.find((f) => f.side === 'model')!.key };
  };

  beforeAll(async () => {
    users = await createTestUsers(t.handle);
  });

  it('delivers a verdict to a subscriber on a second instance once committed, with the row as the view shows it', async () => {
    const second = dialect.name === 'postgres' ? openDb(t.config) : t.handle;
    try {
      const { id, key } = await open();
      const received = inbox(id, second);
      await listening(second);
      const verdict = await setVerdict(
        { sessionId: id, key, user: authed(users.reviewer), input: { verdict: 'confirmed', reason: 'seen it' } },
        deps(),
      );
      await eventually(() => received.events.length === 1);
      expect(received.events[0]).toMatchObject({ type: 'verdict', sessionId: id, key, data: verdict });
      expect(received.events[0].data).toEqual({
        userId: users.reviewer.user.id,
        userLabel: users.reviewer.user.name,
        verdict: 'confirmed',
        reason: 'seen it',
        updatedAt: expect.any(String),
      });
      await setVerdict({ sessionId: id, key, user: authed(users.reviewer), input: { verdict: 'confirmed', reason: 'seen it' } }, deps());
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(received.events).toHaveLength(1);
      received.stop();
    } finally {
      if (second !== t.handle) await second.close();
    }
  });

  it('stores a comment with a script tag verbatim and returns it as data', async () => {
    const { id, key } = await open();
    const body = '<script>alert("x")</script> **bold** [link](javascript:alert(1))';
    const comment = await addSessionComment({ sessionId: id, key, user: authed(users.reviewer), input: { body } }, deps());
    expect(comment.body).toBe(body);
    const view = await getSessionView({ sessionId: id, user: authed(users.viewer) }, deps());
    expect(view.comments[key]).toEqual([comment]);
  });

  it('refuses unknown sessions and keys (404), bad bodies (400) and viewers (403), writing nothing', async () => {
    const { id, key } = await open();
    const before = await counts(t.handle);
    const reviewer = authed(users.reviewer);
    await expect(setVerdict({ sessionId: 'missing', key, user: reviewer, input: { verdict: 'confirmed' } }, deps())).rejects.toMatchObject({
      code: 'not_found:session',
    });
    await expect(
      setVerdict({ sessionId: id, key: 'missing', user: reviewer, input: { verdict: 'confirmed' } }, deps()),
    ).rejects.toMatchObject({ code: 'not_found:finding' });
    await expect(addSessionComment({ sessionId: id, key: 'missing', user: reviewer, input: { body: 'hi' } }, deps())).rejects.toMatchObject(
      { status: 404 },
    );
    await expect(addSessionManualFinding({ sessionId: 'missing', user: reviewer, input: manualFinding() }, deps())).rejects.toMatchObject({
      status: 404,
    });
    await expect(setVerdict({ sessionId: id, key, user: reviewer, input: { verdict: 'maybe' } }, deps())).rejects.toThrow();
    await expect(addSessionComment({ sessionId: id, key, user: reviewer, input: { body: 'x'.repeat(10_001) } }, deps())).rejects.toThrow();
    await expect(addSessionComment({ sessionId: id, key, user: reviewer, input: { body: '   ' } }, deps())).rejects.toThrow();
    await expect(
      setVerdict({ sessionId: id, key, user: authed(users.viewer), input: { verdict: 'confirmed' } }, deps()),
    ).rejects.toMatchObject({ status: 403 });
    expect(await counts(t.handle)).toEqual(before);
  });

  it('closes the session at the required sign-offs, publishes signoff and closed, then refuses every edit with 409', async () => {
    const { id, key } = await open(2);
    const received = inbox(id, t.handle);
    await listening(t.handle);
    const first = await signOffSession({ sessionId: id, user: authed(users.reviewer), input: undefined }, deps());
    expect(first).toMatchObject({ signoffs: 1, session: { status: 'open' } });
    await expect(signOffSession({ sessionId: id, user: authed(users.reviewer), input: {} }, deps())).rejects.toMatchObject({ status: 409 });
    const second = await signOffSession({ sessionId: id, user: authed(users.admin), input: {} }, deps());
    expect(second).toMatchObject({
      signoffs: 2,
      signoff: { userLabel: users.admin.user.name },
      session: { status: 'closed', closedAt: expect.any(String) },
    });
    await eventually(() => received.events.length === 3);
    expect(received.events.map((e) => e.type)).toEqual(['signoff', 'signoff', 'closed']);
    received.stop();

    const before = await counts(t.handle);
    const reviewer = authed(users.reviewer);
    await expect(setVerdict({ sessionId: id, key, user: reviewer, input: { verdict: 'confirmed' } }, deps())).rejects.toMatchObject({
      code: 'conflict:closed',
      status: 409,
    });
    await expect(addSessionComment({ sessionId: id, key, user: reviewer, input: { body: 'late' } }, deps())).rejects.toMatchObject({
      code: 'conflict:closed',
    });
    await expect(addSessionManualFinding({ sessionId: id, user: reviewer, input: manualFinding() }, deps())).rejects.toMatchObject({
      code: 'conflict:closed',
    });
    await expect(signOffSession({ sessionId: id, user: authed(users.deployer), input: {} }, deps())).rejects.toMatchObject({
      code: 'conflict:closed',
    });
    expect(await counts(t.handle)).toEqual(before);
    const view = await getSessionView({ sessionId: id, user: reviewer }, deps());
    expect(view.me.canEdit).toBe(false);
    expect(view.signoffs.map((s) => s.userLabel)).toEqual([users.reviewer.user.name, users.admin.user.name]);
  });

  it('exports confirmed model findings and manual findings; false positives go to the appendix with reasons', async () => {
    const { id } = await open();
    const view = await getSessionView({ sessionId: id, user: authed(users.reviewer) }, deps());
    const [kept, dropped] = view.findings.filter((f) => f.side === 'model');
    await setVerdict({ sessionId: id, key: kept.key, user: authed(users.reviewer), input: { verdict: 'confirmed' } }, deps());
    await setVerdict(
      { sessionId: id, key: dropped.key, user: authed(users.reviewer), input: { verdict: 'false_positive', reason: 'bucket is private' } },
      deps(),
    );
    await addSessionManualFinding({ sessionId: id, user: authed(users.reviewer), input: manualFinding() }, deps());
    const md = await exportSession({ sessionId: id, format: 'md' }, deps());
    expect(md).toMatchObject({ filename: 'MODEL_FAILURES.md', contentType: expect.stringContaining('text/markdown') });
    expect(md.body).toContain('Queue unencrypted');
    expect(md.body).toContain('## Appendix: False Positives');
    expect(md.body).toContain('bucket is private');
    expect(md.body).not.toContain('FnRef');
    const json = JSON.parse((await exportSession({ sessionId: id, format: 'json' }, deps())).body);
    expect(json.findings).toHaveLength(3);
    expect(json.findings.find((f: { key: string }) => f.key === dropped.key)).toMatchObject({
      consensus: 'false_positive',
      verdicts: [{ user: users.reviewer.user.name, verdict: 'false_positive', reason: 'bucket is private' }],
    });
    expect(json.manualFindings).toHaveLength(1);
  });
});
