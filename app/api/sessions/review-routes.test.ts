import { describe, expect, it } from 'vitest';
import { countRows } from '@/lib/db/test-fixtures';
import { dialects } from '@/lib/db/test-dialects';
import { params, testRequest, useRouteEnv, type Caller } from '@/lib/audit/test-support';
import type { LineCommentView, SessionView } from '@/lib/audit/types';
import * as sessions from '../reviews/[id]/sessions/route';
import * as sessionRoute from './[sid]/route';
import * as bulk from './[sid]/verdicts/route';
import * as lineComments from './[sid]/line-comments/route';

const MODEL_MD = 'infra/model/MODEL_RESPONSE.md';

describe.each(dialects())('the PR-style session routes on $name', (dialect) => {
  const env = useRouteEnv(dialect);
  const as = (role: 'viewer' | 'reviewer'): Caller => ({ cookie: env.users[role] });
  const rows = () => Promise.all((['verdicts', 'line_comments', 'audit_log'] as const).map((t) => countRows(env.handle.db, t)));
  const open = async () => {
    const res = await sessions.POST(
      testRequest('POST', '/api/reviews/bundled/sessions', as('reviewer'), { name: 'PR' }),
      params({ id: 'bundled' }),
    );
    const { session } = (await res.json()) as { session: { id: string } };
    const view = (await (
      await sessionRoute.GET(testRequest('GET', `/api/sessions/${session.id}`, as('viewer')), params({ sid: session.id }))
    ).json()) as SessionView;
    return { sid: session.id, keys: view.findings.filter((f) => f.side === 'model').map((f) => f.key) };
  };
  const putBulk = (sid: string, body: unknown, caller = as('reviewer')) =>
    bulk.PUT(testRequest('PUT', `/api/sessions/${sid}/verdicts`, caller, body), params({ sid }));
  const postLine = (sid: string, body: unknown, caller = as('reviewer')) =>
    lineComments.POST(testRequest('POST', `/api/sessions/${sid}/line-comments`, caller, body), params({ sid }));

  it('judges many findings in one call, and refuses viewers, bad bodies and unknown keys without writing', async () => {
    const { sid, keys } = await open();
    const before = await rows();
    expect((await putBulk(sid, { keys, verdict: 'confirmed' }, as('viewer'))).status).toBe(403);
    expect((await putBulk(sid, '{"keys": [')).status).toBe(400);
    expect((await putBulk(sid, { keys, verdict: 'confirmed', extra: 1 })).status).toBe(400);
    const unknown = await putBulk(sid, { keys: [...keys, 'no-such-key'], verdict: 'confirmed' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found:finding');
    expect(await rows()).toEqual(before);
    const done = await putBulk(sid, { keys, verdict: 'accepted_risk', reason: 'tracked' });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({
      changed: keys.length,
      verdicts: keys.map((key) => ({ key, verdict: { verdict: 'accepted_risk' } })),
    });
  });

  it("comments on a line of the bundled review's markdown answer, lists it, and refuses unknown files and viewers", async () => {
    const { sid } = await open();
    const created = await postLine(sid, { side: 'model', file: MODEL_MD, line: 3, body: 'Here' });
    expect(created.status).toBe(201);
    const { lineComment } = (await created.json()) as { lineComment: LineCommentView };
    expect(lineComment).toMatchObject({ side: 'model', file: MODEL_MD, line: 3, body: 'Here', userLabel: env.users.reviewer.user.name });
    const before = await rows();
    expect((await postLine(sid, { side: 'model', file: 'nope.md', line: 1, body: 'x' })).status).toBe(404);
    expect((await postLine(sid, { side: 'model', file: MODEL_MD, line: 1_000_000, body: 'x' })).status).toBe(400);
    expect((await postLine(sid, { side: 'model', file: MODEL_MD, line: 1, body: 'x' }, as('viewer'))).status).toBe(403);
    expect((await postLine('no-such-session', { side: 'model', file: MODEL_MD, line: 1, body: 'x' })).status).toBe(404);
    expect(await rows()).toEqual(before);
    const listed = await lineComments.GET(testRequest('GET', `/api/sessions/${sid}/line-comments`, as('viewer')), params({ sid }));
    expect(await listed.json()).toEqual({ lineComments: [lineComment] });
  });
});
