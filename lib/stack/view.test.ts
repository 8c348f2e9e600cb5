import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi, type TestContext } from 'vitest';
import { describeStack } from '../aws/cloudformation';
import { createChangeSet, executeChangeSet, settleChangeSet } from '../aws/changesets';
import { deleteStackQuietly, ensureMoto, MOTO_TEST_CREDENTIALS, motoTarget } from '../aws/testing';
import type { AwsTarget } from '../aws/target';
import { analyzeArtifact } from '../rules/analyze';
import type { ReviewDefinition } from '../pipeline/run';
import { listDeployedEvents, loadDeployedView } from './view';

vi.mock('../rules/analyze', async (importOriginal) => {
  const original = await importOriginal<typeof import('../rules/analyze')>();
  return { ...original, analyzeArtifact: vi.fn(original.analyzeArtifact) };
});

/** A topic and a queue with outputs: resource types moto deploys through CloudFormation. */
const TOPIC_AND_QUEUE = {
  AWSTemplateFormatVersion: '2010-09-09',
  Description: 'infra-review deployed-view test stack',
  Resources: {
    AlertsTopic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'alerts' } },
    JobsQueue: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 60 } },
  },
  Outputs: {
    TopicArn: { Value: { Ref: 'AlertsTopic' }, Description: 'alerts topic' },
  },
};

/** The same stack as the reference would have it: a longer visibility timeout and an extra queue. */
const CHANGED_REFERENCE = {
  ...TOPIC_AND_QUEUE,
  Resources: {
    ...TOPIC_AND_QUEUE.Resources,
    JobsQueue: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 300 } },
    DeadLetters: { Type: 'AWS::SQS::Queue', Properties: {} },
  },
};

const run = `${Date.now().toString(36)}${process.pid}`;
let dir: string;
let endpoint: string | undefined;
let stack: AwsTarget;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-review-deployed-'));
  Object.assign(process.env, MOTO_TEST_CREDENTIALS);
  const moto = await ensureMoto();
  if ('error' in moto) {
    if (process.env.CI) throw new Error(`moto must run in CI: ${moto.error}`);
    console.warn(`Skipping deployed-view tests: moto could not be installed or started (${moto.error})`);
    return;
  }
  endpoint = moto.endpoint;
  stack = motoTarget(endpoint, `IrDeployed-${run}`);
  await deployByChangeSet(stack, TOPIC_AND_QUEUE);
});

afterAll(async () => {
  if (endpoint) await deleteStackQuietly(stack);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Creates the stack through a CREATE change set, executes it and waits until the stack leaves *_IN_PROGRESS. */
async function deployByChangeSet(target: AwsTarget, template: object): Promise<void> {
  const request = {
    name: 'create',
    type: 'CREATE' as const,
    templateBody: JSON.stringify(template),
    clientToken: `ct-${target.stackName}`,
  };
  const { id } = await createChangeSet(target, request);
  await settleChangeSet(target, id, { pollMs: 250 });
  await executeChangeSet(target, id, `exec-${target.stackName}`);
  for (let i = 0; i < 240; i++) {
    const state = await describeStack(target);
    if (state.exists && !state.status.endsWith('_IN_PROGRESS')) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${target.stackName} did not settle`);
}

/** A review whose reference is `template`, written to a file of this run. */
function reviewWith(template: object, name: string): ReviewDefinition {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(template, null, 2));
  return { id: 'test', name, reference: { label: 'reference', file }, model: { label: 'model', file } };
}

/** Skips a test when moto is not available (outside CI only: beforeAll throws in CI). */
function needsMoto(ctx: TestContext): string {
  if (!endpoint) ctx.skip();
  return endpoint!;
}

describe('loadDeployedView on a deployed stack', () => {
  it('reports the target, status, last update, outputs and resource count', async (ctx) => {
    needsMoto(ctx);
    const view = await loadDeployedView(reviewWith(TOPIC_AND_QUEUE, 'same'), stack);
    expect(view.target).toEqual({ kind: 'endpoint', endpoint: new URL(endpoint!).origin, region: 'us-east-1', stackName: stack.stackName });
    expect(view.emulator?.kind).toBe('moto');
    if (view.stack.status !== 'ok') throw new Error(`stack should be ok, got ${JSON.stringify(view.stack)}`);
    expect(view.stack.stackStatus).toBe('CREATE_COMPLETE');
    expect(Date.parse(view.stack.lastUpdated)).not.toBeNaN();
    expect(view.stack.outputs).toEqual([
      { key: 'TopicArn', value: expect.stringMatching(/^arn:aws:sns:us-east-1:\d{12}:/), description: 'alerts topic' },
    ]);
    expect(view.stack.resourceCount).toBe(2);
    expect(view.problems).toEqual([]);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('is in sync with a reference equal to the deployed template', async (ctx) => {
    needsMoto(ctx);
    const view = await loadDeployedView(reviewWith(TOPIC_AND_QUEUE, 'same'), stack);
    expect(view.drift).toMatchObject({ from: 'reference', to: 'deployed', empty: true });
    expect(view.inSync).toBe(true);
  });

  it('shows the drift from a different reference to what is deployed', async (ctx) => {
    needsMoto(ctx);
    const view = await loadDeployedView(reviewWith(CHANGED_REFERENCE, 'changed'), stack);
    expect(view.inSync).toBe(false);
    expect(view.drift?.empty).toBe(false);
    const changes = Object.fromEntries((view.drift?.resources ?? []).map((r) => [r.logicalId, r.change]));
    expect(changes).toEqual({ DeadLetters: 'removed', JobsQueue: 'updated' });
    // Read as a deploy would change the stack: the reference's queue the stack lacks is added, not destroyed.
    expect(view.deployDiff).toMatchObject({ from: 'deployed', to: 'reference', counts: { added: 1, updated: 1, removed: 0 } });
    const deployChanges = Object.fromEntries((view.deployDiff?.resources ?? []).map((r) => [r.logicalId, [r.change, r.impact]]));
    expect(deployChanges.DeadLetters).toEqual(['added', 'create']);
  });

  it('lists the events newest first, none of them failed', async (ctx) => {
    needsMoto(ctx);
    const { events } = await loadDeployedView(reviewWith(TOPIC_AND_QUEUE, 'same'), stack);
    const times = events.map((e) => e.timestamp);
    expect(times).toEqual([...times].sort().reverse());
    expect(events[0]).toMatchObject({ logicalId: stack.stackName, status: 'CREATE_COMPLETE', failed: false });
    expect(events.some((e) => e.failed)).toBe(false);
    expect(await listDeployedEvents(stack)).toEqual(events);
  });

  it('runs the rules on the deployed template as side deployed, once per template', async (ctx) => {
    needsMoto(ctx);
    const first = await loadDeployedView(reviewWith(TOPIC_AND_QUEUE, 'same'), stack);
    const calls = vi.mocked(analyzeArtifact).mock.calls.length;
    const again = await loadDeployedView(reviewWith(CHANGED_REFERENCE, 'changed'), stack);
    expect(first.analysis).toBe('analyzed');
    expect(first.deployedFindings.every((f) => f.side === 'deployed')).toBe(true);
    expect(again.deployedFindings).toEqual(first.deployedFindings);
    // The reference changed, not the deployed template: its analysis comes from the cache.
    expect(vi.mocked(analyzeArtifact).mock.calls.length).toBe(calls);
    const open = first.deployedFindings.filter((f) => !f.acknowledged);
    expect(Object.values(first.counts).reduce((sum, c) => sum + c.total, 0)).toBe(open.length);
  });
});

describe('loadDeployedView without a deployed stack', () => {
  it('says not deployed for a stack that was never created', async (ctx) => {
    const at = needsMoto(ctx);
    const view = await loadDeployedView(reviewWith(TOPIC_AND_QUEUE, 'same'), motoTarget(at, `IrNever-${run}`));
    expect(view).toMatchObject({
      stack: { status: 'not-deployed' },
      drift: null,
      inSync: false,
      events: [],
      analysis: 'not-deployed',
      deployedFindings: [],
    });
    expect(await listDeployedEvents(motoTarget(at, `IrNever-${run}`))).toEqual([]);
  });

  it('says the template is not deployed yet while only an unexecuted change set exists', async (ctx) => {
    const pending = motoTarget(needsMoto(ctx), `IrPending-${run}`);
    try {
      const body = JSON.stringify(TOPIC_AND_QUEUE);
      await createChangeSet(pending, { name: 'pending', type: 'CREATE', templateBody: body, clientToken: `ct-pending-${run}` });
      const view = await loadDeployedView(reviewWith(TOPIC_AND_QUEUE, 'same'), pending);
      expect(view.stack).toMatchObject({ status: 'ok', stackStatus: 'REVIEW_IN_PROGRESS' });
      expect(view).toMatchObject({ drift: null, inSync: false, analysis: 'not-deployed', deployedFindings: [] });
    } finally {
      await deleteStackQuietly(pending);
    }
  });

  it('says the stack is unavailable, with the reason, when the endpoint is down', async () => {
    const down = motoTarget('http://127.0.0.1:9', 'Anything');
    const view = await loadDeployedView(reviewWith(TOPIC_AND_QUEUE, 'same'), down);
    expect(view.stack).toEqual({ status: 'unavailable', message: expect.stringMatching(/127\.0\.0\.1:9 is unreachable/) });
    expect(view).toMatchObject({ drift: null, inSync: false, events: [], analysis: 'unavailable', emulator: { kind: 'unknown-endpoint' } });
    await expect(listDeployedEvents(down)).rejects.toMatchObject({ code: 'unavailable:aws' });
  });
});
