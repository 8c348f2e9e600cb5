import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles';
import { createTestUsers, type TestUser } from '../auth/test-users';
import { listening, subscribe } from '../db/notify';
import { listAuditLog } from '../db/queries/audit-log';
import { dialects, useMigratedDb } from '../db/test-dialects';
import { countRows } from '../db/test-fixtures';
import { setVerdicts } from './bulk-verdicts';
import { createAuditSession } from './create-session';
import { sessionChannel } from './events';
import { exportSession } from './export';
import { addSessionLineComment, listSessionLineComments } from './line-comments';
import { getSessionView } from './session-view';
import { signOffSession } from './mutations';
import { authed, fakeReview } from './test-support';
import type { SessionEvent } from './types';

const FILES = [
  { path: 'lib/stack.ts', kind: 'source' as const, text: 'import * as cdk from "aws-cdk-lib";\nconst a = 1;\nconst b = 2;\n' },
  { path: 'MODEL_RESPONSE.md', kind: 'markdown' as const, text: '# Answer\n\ntext' },
];

describe.each(dialects())('reviewing a session like a pull request on $name', (dialect) => {
  const t = useMigratedDb(dialect);
  let users: Record<Role, TestUser>;
  const deps = () => ({ handle: t.handle, loadReview: async () => fakeReview(), loadSourceFiles: async () => FILES });
  const open = async () => {
    const session = await createAuditSession({ reviewId: 'bundled', input: { name: 'pr' }, user: authed(users.reviewer) }, deps());
    const view = await getSessionView({ sessionId: session.id, user: authed(users.reviewer) }, deps());
    return { id: session.id, keys: view.findings.filter((f) => f.side === 'model').map((f) => f.key) };
  };
  const rows = () => Promise.all((['verdicts', 'line_comments', 'audit_log'] as const).map((table) => countRows(t.handle.db, table)));

  beforeAll(async () => {
    users = await createTestUsers(t.handle);
  });

  it('sets one verdict on many findings in one call, audits and publishes each change, and skips unchanged ones', async () => {
    const { id, keys } = await open();
    const events: SessionEvent[] = [];
    const stop = subscribe(sessionChannel(id), (payload) => events.push(payload as SessionEvent), t.handle);
    await listening(t.handle);
    const reviewer = authed(users.reviewer);
    const first = await setVerdicts({ sessionId: id, user: reviewer, input: { keys: keys.slice(0, 1), verdict: 'confirmed' } }, deps());
    expect(first.changed).toBe(1);
    const all = await setVerdicts({ sessionId: id, user: reviewer, input: { keys: [...keys, keys[0]], verdict: 'confirmed' } }, deps());
    expect(all.verdicts.map((v) => v.key)).toEqual(keys);
    expect(all.changed).toBe(keys.length - 1);
    expect(all.verdicts[0].verdict).toMatchObject({ userLabel: users.reviewer.user.name, verdict: 'confirmed' });
    await expect.poll(() => events.length).toBe(keys.length);
    expect(new Set(events.map((e) => e.key))).toEqual(new Set(keys));
    stop();
    const view = await getSessionView({ sessionId: id, user: authed(users.viewer) }, deps());
    expect(view.progress).toEqual({ judged: keys.length, total: keys.length });
    const audited = (await listAuditLog({ action: 'verdict.set', limit: 1000 }, t.handle.db)).entries;
    expect(audited.filter((e) => e.entityId.startsWith(`${id}/`))).toHaveLength(keys.length);
  });

  it('writes nothing when one key is unknown, the body is invalid, the user is a viewer or the session is closed', async () => {
    const { id, keys } = await open();
    const reviewer = authed(users.reviewer);
    const before = await rows();
    await expect(
      setVerdicts({ sessionId: id, user: reviewer, input: { keys: [...keys, 'nope', 'other'], verdict: 'confirmed' } }, deps()),
    ).rejects.toMatchObject({ code: 'not_found:finding', details: { keys: ['nope', 'other'] } });
    await expect(setVerdicts({ sessionId: id, user: reviewer, input: { keys: [], verdict: 'confirmed' } }, deps())).rejects.toThrow();
    await expect(setVerdicts({ sessionId: id, user: reviewer, input: { keys, verdict: 'maybe' } }, deps())).rejects.toThrow();
    await expect(
      setVerdicts({ sessionId: id, user: authed(users.viewer), input: { keys, verdict: 'confirmed' } }, deps()),
    ).rejects.toMatchObject({ status: 403 });
    expect(await rows()).toEqual(before);
    await signOffSession({ sessionId: id, user: reviewer, input: {} }, deps());
    const closed = await rows();
    await expect(setVerdicts({ sessionId: id, user: reviewer, input: { keys, verdict: 'confirmed' } }, deps())).rejects.toMatchObject({
      code: 'conflict:closed',
    });
    expect(await rows()).toEqual(closed);
  });

  it('comments on a line of a file of the review, live, in the view and in both exports', async () => {
    const { id } = await open();
    const events: SessionEvent[] = [];
    const stop = subscribe(sessionChannel(id), (payload) => events.push(payload as SessionEvent), t.handle);
    await listening(t.handle);
    const comment = await addSessionLineComment(
      { sessionId: id, user: authed(users.reviewer), input: { side: 'model', file: './lib/stack.ts', line: 2, body: 'why **a**?' } },
      deps(),
    );
    expect(comment).toMatchObject({
      side: 'model',
      file: 'lib/stack.ts',
      line: 2,
      body: 'why **a**?',
      userLabel: users.reviewer.user.name,
    });
    await expect.poll(() => events.map((e) => e.type)).toEqual(['line-comment']);
    expect(events[0].data).toEqual(comment);
    stop();
    expect((await getSessionView({ sessionId: id, user: authed(users.viewer) }, deps())).lineComments).toEqual([comment]);
    expect(await listSessionLineComments({ sessionId: id, side: 'model', file: 'lib/stack.ts' }, deps())).toEqual([comment]);
    expect(await listSessionLineComments({ sessionId: id, side: 'reference' }, deps())).toEqual([]);
    const md = (await exportSession({ sessionId: id, format: 'md' }, deps())).body;
    expect(md).toContain('## Appendix: Line Comments');
    expect(md).toContain(`\`lib/stack.ts:2\` (model) — ${users.reviewer.user.name}: why **a**?`);
    const json = JSON.parse((await exportSession({ sessionId: id, format: 'json' }, deps())).body);
    expect(json.lineComments).toEqual([expect.objectContaining({ side: 'model', file: 'lib/stack.ts', line: 2, body: 'why **a**?' })]);
  });

  it('refuses a line comment on an unknown file (404), a line past the end or an empty body (400), or from a viewer (403)', async () => {
    const { id } = await open();
    const reviewer = authed(users.reviewer);
    const comment = (input: Record<string, unknown>, user = reviewer) =>
      addSessionLineComment({ sessionId: id, user, input: { side: 'model', file: 'lib/stack.ts', line: 1, body: 'x', ...input } }, deps());
    const before = await rows();
    await expect(comment({ file: 'lib/missing.ts' })).rejects.toMatchObject({ code: 'not_found:file' });
    await expect(comment({ line: 99 })).rejects.toMatchObject({ code: 'bad_request:input' });
    await expect(comment({ line: 0 })).rejects.toThrow();
    await expect(comment({ body: '  ' })).rejects.toThrow();
    await expect(comment({ side: 'both' })).rejects.toThrow();
    await expect(comment({}, authed(users.viewer))).rejects.toMatchObject({ status: 403 });
    await expect(
      addSessionLineComment(
        { sessionId: 'missing', user: reviewer, input: { side: 'model', file: 'lib/stack.ts', line: 1, body: 'x' } },
        deps(),
      ),
    ).rejects.toMatchObject({ status: 404 });
    expect(await rows()).toEqual(before);
  });
});
