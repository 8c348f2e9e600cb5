import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles';
import { createTestUsers, type TestUser } from '../auth/test-users';
import { listAuditLog } from '../db/queries/audit-log';
import { REQUIRED_SIGNOFFS_SETTING } from '../db/queries/sessions';
import { setSetting } from '../db/queries/settings';
import { dialects, useMigratedDb } from '../db/test-dialects';
import { countRows } from '../db/test-fixtures';
import { createAuditSession, listAuditSessions } from './create-session';
import { setVerdict, addSessionManualFinding } from './mutations';
import { getSessionView } from './session-view';
import { authed, fakeReview, manualFinding } from './test-support';

describe.each(dialects())('opening and viewing audit sessions on $name', (dialect) => {
  const t = useMigratedDb(dialect);
  let users: Record<Role, TestUser>;
  const deps = (review = fakeReview()) => ({ handle: t.handle, loadReview: async () => review });

  beforeAll(async () => {
    users = await createTestUsers(t.handle);
  });

  it('pins the review: findings with keys, artifact states and hashes, and records the creation', async () => {
    const session = await createAuditSession({ reviewId: 'bundled', input: { name: ' Sprint 12 ' }, user: authed(users.reviewer) }, deps());
    expect(session).toMatchObject({
      name: 'Sprint 12',
      status: 'open',
      requiredSignoffs: 1,
      referenceHash: 'ref-hash-1',
      modelHash: 'model-hash-1',
      createdBy: { id: users.reviewer.user.id, label: users.reviewer.user.name },
    });
    const view = await getSessionView(
      { sessionId: session.id, user: authed(users.viewer) },
      deps(fakeReview({ modelHash: 'model-hash-2' })),
    );
    expect(view.findings).toHaveLength(4);
    expect(view.findings.every((f) => /^[0-9a-f]{20}$/.test(f.key))).toBe(true);
    expect(view.stale).toEqual({ referenceChanged: false, modelChanged: true, known: true });
    expect(view.progress).toEqual({ judged: 0, total: 3 });
    expect(view.me).toEqual({ id: users.viewer.user.id, label: users.viewer.user.name, role: 'viewer', canEdit: false });
    const { entries } = await listAuditLog({ entityType: 'session', entityId: session.id, limit: 5 }, t.handle.db);
    expect(entries.map((e) => [e.action, e.actorLabel])).toEqual([['session.create', users.reviewer.email]]);
  });

  it('serves the pinned findings even when the current review cannot be produced, and says so', async () => {
    const session = await createAuditSession({ reviewId: 'bundled', input: { name: 'pinned' }, user: authed(users.reviewer) }, deps());
    const broken = { handle: t.handle, loadReview: async () => Promise.reject(new Error('synth crashed')) };
    const view = await getSessionView({ sessionId: session.id, user: authed(users.reviewer) }, broken);
    expect(view.findings).toHaveLength(4);
    expect(view.stale).toMatchObject({ referenceChanged: false, modelChanged: false, known: false });
    expect(view.stale.message).toContain('synth crashed');
    const failing = await getSessionView(
      { sessionId: session.id, user: authed(users.reviewer) },
      deps(fakeReview({ failed: 'reference', modelHash: 'new' })),
    );
    expect(failing.stale).toMatchObject({ referenceChanged: false, modelChanged: true, known: false });
    expect(failing.me.canEdit).toBe(true);
    const slow = { handle: t.handle, loadReview: () => new Promise<never>(() => undefined), stalenessTimeoutMs: 50 };
    const waited = await getSessionView({ sessionId: session.id, user: authed(users.reviewer) }, slow);
    expect(waited.stale).toMatchObject({ known: false, message: expect.stringContaining('still synthesizing') });
  });

  it('refuses a review whose artifact failed (422) and a bad body (400), storing nothing', async () => {
    const before = [
      await countRows(t.handle.db, 'audit_sessions'),
      await countRows(t.handle.db, 'session_snapshots'),
      await countRows(t.handle.db, 'audit_log'),
    ];
    await expect(
      createAuditSession(
        { reviewId: 'bundled', input: { name: 'x' }, user: authed(users.reviewer) },
        deps(fakeReview({ failed: 'model' })),
      ),
    ).rejects.toMatchObject({ status: 422 });
    await expect(createAuditSession({ reviewId: 'bundled', input: { name: '' }, user: authed(users.reviewer) }, deps())).rejects.toThrow();
    await expect(
      createAuditSession({ reviewId: 'bundled', input: { name: 'x', requiredSignoffs: 11 }, user: authed(users.reviewer) }, deps()),
    ).rejects.toThrow();
    await expect(
      createAuditSession({ reviewId: 'bundled', input: { name: 'x' }, user: authed(users.viewer) }, deps()),
    ).rejects.toMatchObject({ status: 403 });
    const after = [
      await countRows(t.handle.db, 'audit_sessions'),
      await countRows(t.handle.db, 'session_snapshots'),
      await countRows(t.handle.db, 'audit_log'),
    ];
    expect(after).toEqual(before);
  });

  it('takes the required sign-offs from the setting unless given', async () => {
    await setSetting({ key: REQUIRED_SIGNOFFS_SETTING, value: 3, actor: { id: null, label: 'test' } }, t.handle.db);
    const fromSetting = await createAuditSession({ reviewId: 'bundled', input: { name: 'three' }, user: authed(users.admin) }, deps());
    const explicit = await createAuditSession(
      { reviewId: 'bundled', input: { name: 'two', requiredSignoffs: 2 }, user: authed(users.admin) },
      deps(),
    );
    expect([fromSetting.requiredSignoffs, explicit.requiredSignoffs]).toEqual([3, 2]);
    await setSetting({ key: REQUIRED_SIGNOFFS_SETTING, value: 1, actor: { id: null, label: 'test' } }, t.handle.db);
  });

  it('lists sessions newest first with progress over model-side and manual findings', async () => {
    const session = await createAuditSession({ reviewId: 'bundled', input: { name: 'progress' }, user: authed(users.reviewer) }, deps());
    const view = await getSessionView({ sessionId: session.id, user: authed(users.reviewer) }, deps());
    const [model, reference] = [view.findings.find((f) => f.side === 'model')!, view.findings.find((f) => f.side === 'reference')!];
    await setVerdict({ sessionId: session.id, key: model.key, user: authed(users.reviewer), input: { verdict: 'confirmed' } }, deps());
    await setVerdict(
      { sessionId: session.id, key: model.key, user: authed(users.admin), input: { verdict: 'false_positive', reason: 'ok' } },
      deps(),
    );
    await setVerdict({ sessionId: session.id, key: reference.key, user: authed(users.admin), input: { verdict: 'confirmed' } }, deps());
    const manual = await addSessionManualFinding({ sessionId: session.id, user: authed(users.reviewer), input: manualFinding() }, deps());
    await setVerdict({ sessionId: session.id, key: manual.id, user: authed(users.reviewer), input: { verdict: 'confirmed' } }, deps());
    const sessions = await listAuditSessions({ reviewId: 'bundled' }, deps());
    expect(sessions[0]).toMatchObject({ id: session.id, progress: { judged: 2, total: 4 }, signoffs: 0 });
    expect(await listAuditSessions({ reviewId: 'other' }, deps())).toEqual([]);
    const again = await getSessionView({ sessionId: session.id, user: authed(users.viewer) }, deps());
    expect(again.verdicts[model.key].map((v) => [v.userLabel, v.verdict, v.reason])).toEqual([
      [users.reviewer.user.name, 'confirmed', null],
      [users.admin.user.name, 'false_positive', 'ok'],
    ]);
    expect(again.manualFindings).toEqual([
      expect.objectContaining({
        id: manual.id,
        title: 'Queue unencrypted',
        createdBy: { id: users.reviewer.user.id, label: users.reviewer.user.name },
      }),
    ]);
  });

  it('reports an unknown session as not_found:session', async () => {
    await expect(getSessionView({ sessionId: 'nope', user: authed(users.viewer) }, deps())).rejects.toMatchObject({
      code: 'not_found:session',
      status: 404,
    });
  });
});
