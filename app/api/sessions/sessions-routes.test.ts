import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAuditLog } from '@/lib/db/queries/audit-log';
import { countRows } from '@/lib/db/test-fixtures';
import { dialects } from '@/lib/db/test-dialects';
import type { Database } from '@/lib/db/schema';
import { manualFinding, params, testRequest, useRouteEnv, type Caller } from '@/lib/audit/test-support';
import type { SessionView } from '@/lib/audit/types';
import { parseModelFailures } from '@/lib/report/seed-structure';
import { SEED_RULES } from '@/lib/rules/index';
import * as sessions from '../reviews/[id]/sessions/route';
import * as sessionRoute from './[sid]/route';
import * as events from './[sid]/events/route';
import * as exporter from './[sid]/export/route';
import * as verdict from './[sid]/findings/[key]/verdict/route';
import * as comments from './[sid]/findings/[key]/comments/route';
import * as manual from './[sid]/manual-findings/route';
import * as signoffs from './[sid]/signoffs/route';
import { readSse } from '@/lib/audit/test-sse';

const TABLES: (keyof Database)[] = [
  'audit_sessions',
  'session_snapshots',
  'verdicts',
  'comments',
  'manual_findings',
  'signoffs',
  'audit_log',
];
const seed = readFileSync(path.join(process.cwd(), 'infra/model/MODEL_FAILURES.md'), 'utf8');

describe.each(dialects())('the audit session routes on $name', (dialect) => {
  const env = useRouteEnv(dialect);
  const as = (role: 'viewer' | 'reviewer' | 'deployer' | 'admin', via: 'cookie' | 'bearer' = 'cookie'): Caller =>
    via === 'cookie' ? { cookie: env.users[role] } : { bearer: env.users[role] };
  const counts = () => Promise.all(TABLES.map((table) => countRows(env.handle.db, table)));
  const createSession = async (body: unknown = { name: 'Route audit' }) => {
    const res = await sessions.POST(testRequest('POST', '/api/reviews/bundled/sessions', as('reviewer'), body), params({ id: 'bundled' }));
    expect(res.status).toBe(201);
    return ((await res.json()) as { session: SessionView['session'] }).session;
  };
  const view = async (sid: string, caller = as('viewer', 'bearer')) =>
    (await (await sessionRoute.GET(testRequest('GET', `/api/sessions/${sid}`, caller), params({ sid }))).json()) as SessionView;
  const putVerdict = (sid: string, key: string, body: unknown, caller = as('reviewer')) =>
    verdict.PUT(testRequest('PUT', `/api/sessions/${sid}/findings/${key}/verdict`, caller, body), params({ sid, key }));
  const postComment = (sid: string, key: string, body: unknown, caller = as('reviewer')) =>
    comments.POST(testRequest('POST', `/api/sessions/${sid}/findings/${key}/comments`, caller, body), params({ sid, key }));

  it('opens a session on the bundled review, lists it and serves its view', async () => {
    const session = await createSession();
    expect(session).toMatchObject({ reviewId: 'bundled', status: 'open', createdBy: { label: env.users.reviewer.user.name } });
    const list = await (
      await sessions.GET(testRequest('GET', '/api/reviews/bundled/sessions', as('viewer')), params({ id: 'bundled' }))
    ).json();
    expect(list.sessions[0]).toMatchObject({ id: session.id, progress: { judged: 0 }, signoffs: 0 });
    const body = await view(session.id);
    expect(body.findings.length).toBeGreaterThan(10);
    expect(body.stale).toEqual({ referenceChanged: false, modelChanged: false, known: true });
    expect(body.me).toMatchObject({ role: 'viewer', canEdit: false });
  });

  it('streams a verdict and a comment to a live viewer, with presence on join and leave', async () => {
    const session = await createSession();
    const key = (await view(session.id)).findings[0].key;
    const abort = new AbortController();
    const res = await events.GET(
      testRequest('GET', `/api/sessions/${session.id}/events`, as('viewer'), undefined, { signal: abort.signal }),
      params({ sid: session.id }),
    );
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const stream = readSse(res);
    expect((await stream.next((e) => e.event === 'ready')).event).toBe('ready');
    const joined = await stream.next((e) => e.event === 'presence');
    expect(joined.data.data).toEqual([{ userId: env.users.viewer.user.id, userLabel: env.users.viewer.user.name }]);

    expect((await putVerdict(session.id, key, { verdict: 'accepted_risk', reason: 'known' })).status).toBe(200);
    const live = await stream.next((e) => e.event === 'verdict');
    expect(live.data).toMatchObject({
      type: 'verdict',
      sessionId: session.id,
      key,
      data: { userLabel: env.users.reviewer.user.name, verdict: 'accepted_risk', reason: 'known' },
    });

    const script = '<script>alert(document.cookie)</script>';
    expect((await postComment(session.id, key, { body: script })).status).toBe(201);
    expect((await stream.next((e) => e.event === 'comment')).data.data.body).toBe(script);
    expect((await view(session.id)).comments[key][0].body).toBe(script);

    abort.abort();
    await expect.poll(() => countRows(env.handle.db, 'presence')).toBe(0);
  });

  it('refuses oversized, malformed and invalid bodies without storing anything', async () => {
    const session = await createSession();
    const key = (await view(session.id)).findings[0].key;
    const before = await counts();
    expect((await postComment(session.id, key, { body: 'x'.repeat(70 * 1024) })).status).toBe(413);
    const chunked = new ReadableStream({
      start: (c) => {
        c.enqueue(new TextEncoder().encode(`{"body":"${'y'.repeat(80 * 1024)}"}`));
        c.close();
      },
    });
    const streamed = testRequest('POST', `/api/sessions/${session.id}/findings/${key}/comments`, as('reviewer'), undefined, {
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    expect((await comments.POST(streamed, params({ sid: session.id, key }))).status).toBe(413);
    expect((await putVerdict(session.id, key, '{"verdict": "confirmed"')).status).toBe(400);
    expect((await putVerdict(session.id, key, { verdict: 'excellent' })).status).toBe(400);
    expect((await putVerdict(session.id, key, { verdict: 'confirmed', reason: 'r'.repeat(2001) })).status).toBe(400);
    expect((await postComment(session.id, key, { body: 'hi', extra: true })).status).toBe(400);
    const bad = await manual.POST(
      testRequest('POST', `/api/sessions/${session.id}/manual-findings`, as('reviewer'), { ...manualFinding(), category: 'cost' }),
      params({ sid: session.id }),
    );
    expect(bad.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('answers unknown sessions and finding keys with 404 and a closed session with 409, storing nothing', async () => {
    const session = await createSession();
    const key = (await view(session.id)).findings[0].key;
    const before = await counts();
    expect((await putVerdict('no-such-session', key, { verdict: 'confirmed' })).status).toBe(404);
    expect((await putVerdict(session.id, 'no-such-key', { verdict: 'confirmed' })).status).toBe(404);
    expect((await postComment(session.id, 'no-such-key', { body: 'hi' })).status).toBe(404);
    expect((await sessionRoute.GET(testRequest('GET', '/api/sessions/nope', as('viewer')), params({ sid: 'nope' }))).status).toBe(404);
    expect((await exporter.GET(testRequest('GET', '/api/sessions/nope/export', as('viewer')), params({ sid: 'nope' }))).status).toBe(404);
    expect((await events.GET(testRequest('GET', '/api/sessions/nope/events', as('viewer')), params({ sid: 'nope' }))).status).toBe(404);
    expect(await counts()).toEqual(before);

    const signed = await signoffs.POST(
      testRequest('POST', `/api/sessions/${session.id}/signoffs`, as('reviewer'), {}),
      params({ sid: session.id }),
    );
    expect(signed.status).toBe(201);
    expect((await signed.json()).session.status).toBe('closed');
    const closed = await counts();
    const refused = await putVerdict(session.id, key, { verdict: 'confirmed' });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe('conflict:closed');
    expect((await postComment(session.id, key, { body: 'late' })).status).toBe(409);
    expect(
      (
        await manual.POST(
          testRequest('POST', `/api/sessions/${session.id}/manual-findings`, as('admin'), manualFinding()),
          params({ sid: session.id }),
        )
      ).status,
    ).toBe(409);
    expect(
      (await signoffs.POST(testRequest('POST', `/api/sessions/${session.id}/signoffs`, as('admin', 'bearer')), params({ sid: session.id })))
        .status,
    ).toBe(409);
    expect(await counts()).toEqual(closed);
  });

  it('exports the bundled session as MODEL_FAILURES.md matching the seed, and as JSON', async () => {
    const session = await createSession();
    const seedRules = new Set<string>(SEED_RULES.map((r) => r.id));
    for (const finding of (await view(session.id)).findings.filter((f) => f.side === 'model')) {
      const body = seedRules.has(finding.rule) ? { verdict: 'confirmed' } : { verdict: 'false_positive', reason: 'linter style' };
      expect((await putVerdict(session.id, finding.key, body, as('deployer', 'bearer'))).status).toBe(200);
    }
    const md = await exporter.GET(
      testRequest('GET', `/api/sessions/${session.id}/export?format=md`, as('viewer')),
      params({ sid: session.id }),
    );
    expect(md.headers.get('content-disposition')).toBe('attachment; filename="MODEL_FAILURES.md"');
    const ours = parseModelFailures(await md.text());
    const theirs = parseModelFailures(seed);
    expect(ours.categories.map((c) => c.heading)).toEqual(theirs.categories.map((c) => c.heading));
    expect(ours.categories.map((c) => c.issues.length)).toEqual(theirs.categories.map((c) => c.issues.length));
    expect(ours.summary).toEqual(theirs.summary);
    const json = await exporter.GET(
      testRequest('GET', `/api/sessions/${session.id}/export?format=json`, as('viewer')),
      params({ sid: session.id }),
    );
    expect(json.headers.get('content-disposition')).toBe(`attachment; filename="session-${session.id}.json"`);
    expect((await json.json()).findings.every((f: { consensus: string | null }) => f.consensus !== null)).toBe(true);
    const { entries } = await listAuditLog({ actorId: env.users.deployer.user.id, action: 'verdict.set', limit: 1000 }, env.handle.db);
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.every((e) => e.actorLabel === env.users.deployer.email)).toBe(true);
  });
});
