import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { testRequest } from '@/lib/audit/test-support';
import { useRouteTestEnv } from '../admin/_test/route-env';
import { ensureMoto, MOTO_TEST_CREDENTIALS } from '@/lib/aws/testing';
import type { DeployedView } from '@/lib/stack/types';
import { GET as getEvents } from './events/route';
import { GET as getStack } from './route';

const env = useRouteTestEnv();
const TARGET_ENV = [
  'AWS_ENDPOINT_URL_CLOUDFORMATION',
  'AWS_REGION',
  'INFRA_REVIEW_STACK_NAME',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
] as const;
const saved = Object.fromEntries(TARGET_ENV.map((name) => [name, process.env[name]]));
const stackName = `IrRoute-${Date.now().toString(36)}${process.pid}`;
let moto: string | undefined;

beforeAll(async () => {
  Object.assign(process.env, MOTO_TEST_CREDENTIALS, { AWS_REGION: 'us-east-1', INFRA_REVIEW_STACK_NAME: stackName });
  const started = await ensureMoto();
  if ('endpoint' in started) moto = started.endpoint;
  else if (process.env.CI) throw new Error(`moto must run in CI: ${started.error}`);
});

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** Points the app's CloudFormation target at moto (skipping the test without it) or at `endpoint`. */
function targetAt(ctx: TestContext, endpoint?: string): void {
  if (!endpoint && !moto) ctx.skip();
  process.env.AWS_ENDPOINT_URL_CLOUDFORMATION = endpoint ?? moto;
}

describe('GET /api/stack', () => {
  it('gives a viewer the deployed view: the target and a stack that is not deployed', async (ctx) => {
    targetAt(ctx);
    const response = await getStack(testRequest('GET', '/api/stack', { cookie: env.users.viewer }));
    expect(response.status).toBe(200);
    const view = (await response.json()) as DeployedView;
    expect(view.target).toMatchObject({ kind: 'endpoint', region: 'us-east-1', stackName });
    expect(view).toMatchObject({ stack: { status: 'not-deployed' }, drift: null, inSync: false, events: [], analysis: 'not-deployed' });
  });

  it('answers 200 with the stack unavailable, and why, when the endpoint is down', async (ctx) => {
    targetAt(ctx, 'http://127.0.0.1:9');
    const response = await getStack(testRequest('GET', '/api/stack', { bearer: env.users.viewer }));
    expect(response.status).toBe(200);
    expect(((await response.json()) as DeployedView).stack).toEqual({
      status: 'unavailable',
      message: expect.stringMatching(/unreachable/),
    });
  });

  it('is 401 for an anonymous caller', async () => {
    expect((await getStack(testRequest('GET', '/api/stack', 'anonymous'))).status).toBe(401);
  });
});

describe('GET /api/stack/events', () => {
  it('gives a viewer no events for a stack that does not exist', async (ctx) => {
    targetAt(ctx);
    const response = await getEvents(testRequest('GET', '/api/stack/events', { cookie: env.users.viewer }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ events: [] });
  });

  it('is 502 naming the endpoint when it is down', async (ctx) => {
    targetAt(ctx, 'http://127.0.0.1:9');
    const response = await getEvents(testRequest('GET', '/api/stack/events', { cookie: env.users.viewer }));
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: 'unavailable:aws', message: expect.stringMatching(/127\.0\.0\.1:9/) } });
  });

  it('is 401 for an anonymous caller', async () => {
    expect((await getEvents(testRequest('GET', '/api/stack/events', 'anonymous'))).status).toBe(401);
  });
});
