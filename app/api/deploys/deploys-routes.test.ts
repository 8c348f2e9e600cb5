import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteStackQuietly, motoEndpointForTests, motoTarget } from '@/lib/aws/testing';
import { params, testRequest, useRouteEnv } from '@/lib/audit/test-support';
import { dialects } from '@/lib/db/test-dialects';
import type { DeployView } from '@/lib/deploy/types';
import { POST as cancel } from './[id]/cancel/route';
import { POST as confirm } from './[id]/confirm/route';
import { GET as getOne } from './[id]/route';
import { GET as events } from './events/route';
import { GET, POST } from './route';

const run = `${Date.now().toString(36)}${process.pid}`;
const saved = { ...process.env };
let endpoint: string | undefined;

beforeAll(async () => {
  endpoint = await motoEndpointForTests('the deploy route tests');
}, 300_000);

afterAll(() => {
  for (const name of ['AWS_ENDPOINT_URL_CLOUDFORMATION', 'INFRA_REVIEW_STACK_NAME', 'AWS_REGION']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

/** Polls the deploy until `done` holds (the change set is created in the background). */
async function waitFor(env: ReturnType<typeof useRouteEnv>, id: string, done: (deploy: DeployView) => boolean): Promise<DeployView> {
  // Generous: on two busy cores the background change-set step shares the CPU with the whole suite.
  for (const deadline = Date.now() + 90_000; Date.now() < deadline;) {
    const response = await getOne(testRequest('GET', `/api/deploys/${id}`, { cookie: env.users.viewer }), params({ id }));
    const { deploy } = (await response.json()) as { deploy: DeployView };
    if (done(deploy)) return deploy;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`deploy ${id} never reached the expected state`);
}

/** Reads SSE frames from a stream until `want` matches one; returns its event name and data. */
async function readUntil(
  stream: ReadableStream<Uint8Array>,
  want: (event: string, data: unknown) => boolean,
): Promise<{ event: string; data: unknown }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1] ?? '';
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (data !== undefined && want(event, JSON.parse(data))) return { event, data: JSON.parse(data) };
      }
    }
  } finally {
    reader.releaseLock();
  }
}

describe.each(dialects())('the deploy routes on $name', (dialect) => {
  const env = useRouteEnv(dialect);
  beforeAll(() => {
    if (!endpoint) return;
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_CLOUDFORMATION: endpoint,
      AWS_REGION: 'us-east-1',
      INFRA_REVIEW_STACK_NAME: `routes-${dialect.name}-${run}`,
    });
  });
  afterAll(() => (endpoint ? deleteStackQuietly(motoTarget(endpoint, `routes-${dialect.name}-${run}`)) : undefined));

  it('GET /api/deploys: 401 anonymous; a viewer sees the target and that the reference is deployable', async (ctx) => {
    if (!endpoint) return ctx.skip();
    expect((await GET(testRequest('GET', '/api/deploys', 'anonymous'))).status).toBe(401);
    const response = await GET(testRequest('GET', '/api/deploys', { cookie: env.users.viewer }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { target: string; readiness: { deployable: boolean }; active: unknown; deploys: unknown[] };
    expect(body.target).toContain(`routes-${dialect.name}-${run}`);
    expect(body).toMatchObject({ readiness: { deployable: true }, active: null, deploys: [] });
  }, 120_000);

  it('only deployers deploy; a repeated token is the same deploy; a second deploy is refused with 409; viewers hear of the cancel live', async (ctx) => {
    if (!endpoint) return ctx.skip();
    for (const role of ['viewer', 'reviewer'] as const) {
      const refused = await POST(testRequest('POST', '/api/deploys', { cookie: env.users[role] }, { clientToken: `tok-${role}-${run}` }));
      expect(refused.status).toBe(403);
    }
    const first = await POST(testRequest('POST', '/api/deploys', { cookie: env.users.deployer }, { clientToken: `tok-a-${run}` }));
    expect(first.status).toBe(202);
    const { deploy } = (await first.json()) as { deploy: DeployView };
    const again = await POST(testRequest('POST', '/api/deploys', { cookie: env.users.deployer }, { clientToken: `tok-a-${run}` }));
    expect(again.status).toBe(200);
    expect(((await again.json()) as { deploy: DeployView }).deploy.id).toBe(deploy.id);

    const previewed = await waitFor(env, deploy.id, (d) => d.status !== 'creating_change_set');
    expect(previewed.status).toBe('awaiting_confirmation');
    const busy = await POST(testRequest('POST', '/api/deploys', { cookie: env.users.admin }, { clientToken: `tok-b-${run}` }));
    expect(busy.status).toBe(409);
    const refusal = (await busy.json()) as { error: { message: string; details: { deployId: string } } };
    expect(refusal.error.message).toContain(env.users.deployer.email);
    expect(refusal.error.details.deployId).toBe(deploy.id);
    expect(
      (await confirm(testRequest('POST', `/api/deploys/${deploy.id}/confirm`, { cookie: env.users.reviewer }), params({ id: deploy.id })))
        .status,
    ).toBe(403);
    const abort = new AbortController();
    const stream = (
      await events(testRequest('GET', '/api/deploys/events', { cookie: env.users.viewer }, undefined, { signal: abort.signal }))
    ).body;
    if (!stream) throw new Error('no event stream');
    await readUntil(stream, (event) => event === 'ready');
    const cancelled = await cancel(
      testRequest('POST', `/api/deploys/${deploy.id}/cancel`, { cookie: env.users.deployer }),
      params({ id: deploy.id }),
    );
    expect(cancelled.status).toBe(200);
    const heard = await readUntil(stream, (event, data) => event === 'deploy' && (data as DeployView).status === 'cancelled');
    expect((heard.data as DeployView).id).toBe(deploy.id);
    abort.abort();
    expect(
      (await cancel(testRequest('POST', `/api/deploys/${deploy.id}/cancel`, { cookie: env.users.deployer }), params({ id: deploy.id })))
        .status,
    ).toBe(409);
  }, 120_000);

  it('refuses malformed bodies with 400 and oversized ones with 413, writing nothing', async (ctx) => {
    if (!endpoint) return ctx.skip();
    for (const body of ['{"clientToken":', { clientToken: 'x' }, { clientToken: 'valid-token-123', reviewId: 7 }]) {
      expect((await POST(testRequest('POST', '/api/deploys', { cookie: env.users.deployer }, body))).status).toBe(400);
    }
    const huge = { clientToken: `tok-huge-${run}`, reviewId: 'x'.repeat(5000) };
    expect((await POST(testRequest('POST', '/api/deploys', { cookie: env.users.deployer }, huge))).status).toBe(413);
    const rows = await env.handle.db.selectFrom('deploys').select('id').where('client_token', 'like', 'tok-huge%').execute();
    expect(rows).toEqual([]);
  });
});
