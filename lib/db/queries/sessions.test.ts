import { describe, expect, it } from 'vitest';
import { dialects, useMigratedDb } from '../test-dialects';
import { openTestSession, user } from '../test-fixtures';
import { listAuditLog } from './audit-log';
import { addComment, listCommentsBySession } from './comments';
import { addManualFinding, listManualFindingsBySession } from './manual-findings';
import { closeSession, getSessionById, listSessionsByReview, REQUIRED_SIGNOFFS_SETTING } from './sessions';
import { getSetting, setSetting } from './settings';
import { addSignoff, countSignoffs, listSignoffsBySession } from './signoffs';
import { upsertVerdict } from './verdicts';

const [alice, bob, carol] = [user('alice'), user('bob'), user('carol')];

describe.each(dialects())('sessions, sign-offs and settings on $name', (dialect) => {
  const t = useMigratedDb(dialect);

  it('creates a session pinned to its artifacts and lists it by review', async () => {
    const session = await openTestSession(t.handle.db);
    expect(await getSessionById({ id: session.id }, t.handle.db)).toEqual(session);
    expect(await getSessionById({ id: 'missing' }, t.handle.db)).toBeUndefined();
    expect((await listSessionsByReview({ reviewId: 'bundled' }, t.handle.db)).map((s) => s.id)).toContain(session.id);
    const { entries } = await listAuditLog({ entityType: 'session', entityId: session.id, limit: 5 }, t.handle.db);
    expect(entries.map((entry) => [entry.action, entry.actorId])).toEqual([['session.create', alice.id]]);
  });

  it('takes required sign-offs from the setting when none is given', async () => {
    expect(await getSetting({ key: REQUIRED_SIGNOFFS_SETTING }, t.handle.db)).toBeUndefined();
    await setSetting({ key: REQUIRED_SIGNOFFS_SETTING, value: 2, actor: alice }, t.handle.db);
    await setSetting({ key: REQUIRED_SIGNOFFS_SETTING, value: 3, actor: alice }, t.handle.db);
    expect(await getSetting({ key: REQUIRED_SIGNOFFS_SETTING }, t.handle.db)).toBe(3);
    expect((await openTestSession(t.handle.db)).required_signoffs).toBe(3);
    const { entries } = await listAuditLog({ action: 'setting.set', limit: 5 }, t.handle.db);
    expect(entries[0]).toMatchObject({ before: 2, after: 3 });
  });

  it('accepts one sign-off per user and closes the session when enough reviewers signed', async () => {
    const session = await openTestSession(t.handle.db, { requiredSignoffs: 2 });
    const first = await addSignoff({ sessionId: session.id, actor: alice }, t.handle.db);
    expect(first).toMatchObject({ signoffs: 1, session: { status: 'open' } });
    await expect(addSignoff({ sessionId: session.id, actor: alice }, t.handle.db)).rejects.toThrow(/already signed off/);
    const second = await addSignoff({ sessionId: session.id, actor: bob }, t.handle.db);
    expect(second).toMatchObject({ signoffs: 2, session: { status: 'closed' } });
    expect(await countSignoffs({ sessionId: session.id }, t.handle.db)).toBe(2);
    expect((await listSignoffsBySession({ sessionId: session.id }, t.handle.db)).map((s) => s.user_id)).toEqual([alice.id, bob.id]);
  });

  it('closes exactly once when the last sign-offs arrive at the same time', async () => {
    const signers = ['dan', 'erin', 'frank', 'grace'].map(user);
    const session = await openTestSession(t.handle.db, { requiredSignoffs: signers.length });
    // Warm the pool so the transactions really overlap instead of queuing behind new connections.
    await Promise.all(signers.map(() => getSessionById({ id: session.id }, t.handle.db)));
    const results = await Promise.all(signers.map((actor) => addSignoff({ sessionId: session.id, actor }, t.handle.db)));
    expect(results.map((result) => result.signoffs).sort()).toEqual([1, 2, 3, 4]);
    expect((await getSessionById({ id: session.id }, t.handle.db))?.status).toBe('closed');
    const { entries } = await listAuditLog({ action: 'session.close', entityId: session.id, limit: 5 }, t.handle.db);
    expect(entries).toHaveLength(1);
  });

  it('enforces the unique sign-off in the database too', async () => {
    const session = await openTestSession(t.handle.db, { requiredSignoffs: 3 });
    const row = { session_id: session.id, user_id: carol.id, created_at: new Date().toISOString() };
    await t.handle.db.insertInto('signoffs').values(row).execute();
    await expect(t.handle.db.insertInto('signoffs').values(row).execute()).rejects.toThrow();
  });

  it('makes a closed session read-only', async () => {
    const session = await openTestSession(t.handle.db);
    const closed = await closeSession({ id: session.id, actor: alice }, t.handle.db);
    expect(closed.status).toBe('closed');
    expect(closed.closed_at).not.toBeNull();
    const readOnly = /closed and read-only/;
    await expect(upsertVerdict({ sessionId: session.id, findingKey: 'k', verdict: 'confirmed', actor: bob }, t.handle.db)).rejects.toThrow(
      readOnly,
    );
    await expect(addComment({ sessionId: session.id, findingKey: 'k', body: 'late', actor: bob }, t.handle.db)).rejects.toThrow(readOnly);
    await expect(addSignoff({ sessionId: session.id, actor: bob }, t.handle.db)).rejects.toThrow(readOnly);
    await expect(closeSession({ id: session.id, actor: alice }, t.handle.db)).rejects.toThrow(readOnly);
    expect(await listCommentsBySession({ sessionId: session.id }, t.handle.db)).toEqual([]);
  });

  it('stores comments up to 10,000 characters and refuses longer or empty ones', async () => {
    const session = await openTestSession(t.handle.db);
    const script = '<script>alert(1)</script> **bold**';
    await addComment({ sessionId: session.id, findingKey: 'rule/x', body: script, actor: bob }, t.handle.db);
    await addComment({ sessionId: session.id, findingKey: 'rule/y', body: 'y'.repeat(10_000), actor: bob }, t.handle.db);
    await expect(
      addComment({ sessionId: session.id, findingKey: 'rule/x', body: 'z'.repeat(10_001), actor: bob }, t.handle.db),
    ).rejects.toThrow(/1 to 10000/);
    await expect(addComment({ sessionId: session.id, findingKey: 'rule/x', body: '   ', actor: bob }, t.handle.db)).rejects.toThrow(
      /1 to 10000/,
    );
    const onX = await listCommentsBySession({ sessionId: session.id, findingKey: 'rule/x' }, t.handle.db);
    expect(onX.map((comment) => comment.body)).toEqual([script]);
  });

  it('stores manual findings with their resources', async () => {
    const session = await openTestSession(t.handle.db);
    const finding = await addManualFinding(
      {
        sessionId: session.id,
        category: 'Security',
        severity: 'high',
        title: 'Bucket allows public reads',
        problem: 'The policy grants s3:GetObject to *.',
        impact: 'Anyone can read the data.',
        fix: 'Remove the public statement.',
        resources: ['DataBucket', 'DataBucketPolicy'],
        actor: carol,
      },
      t.handle.db,
    );
    expect(await listManualFindingsBySession({ sessionId: session.id }, t.handle.db)).toEqual([finding]);
    const { entries } = await listAuditLog({ action: 'finding.add', entityId: finding.id, limit: 1 }, t.handle.db);
    expect(entries[0].after).toEqual(finding);
  });
});
