import {
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  paginateListStackResources,
  waitUntilChangeSetCreateComplete,
  waitUntilStackCreateComplete,
  type DescribeChangeSetCommandOutput,
  type StackResourceSummary,
} from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { referenceSpec } from '../pipeline/bundled';
import { synthesize } from '../synth/synthesize';
import type { CfnTemplate } from '../templates/types';
import { listStackEvents } from './cloudformation';
import { cloudFormationClientFor, type AwsTarget } from './target';
import { deleteStackQuietly, ensureMoto, MOTO_TEST_CREDENTIALS, motoTarget } from './testing';

// The reference deployed to moto through scripts/moto/server.py, the way the dashboard deploys: a change set.

/** Types moto 5.2.5 has no CloudFormation model for, which the launcher records without creating anything. */
const RECORDED_ONLY = [
  'AWS::ApiGateway::Stage',
  'AWS::CloudFront::CachePolicy',
  'AWS::CloudFront::Distribution',
  'AWS::CloudWatch::Alarm',
  'AWS::S3::BucketPolicy',
  'AWS::SNS::TopicPolicy',
  'AWS::SQS::QueuePolicy',
];

const run = `${Date.now().toString(36)}${process.pid}`;
let endpoint: string | undefined;
let stack: AwsTarget;
let template: CfnTemplate;

beforeAll(async () => {
  Object.assign(process.env, MOTO_TEST_CREDENTIALS);
  const moto = await ensureMoto();
  if ('error' in moto) {
    if (process.env.CI) throw new Error(`moto must run in CI: ${moto.error}`);
    console.warn(`Skipping moto launcher tests: moto could not be installed or started (${moto.error})`);
    return;
  }
  const synthesis = await synthesize(referenceSpec().cdk!);
  if (synthesis.status !== 'ok') throw new Error(synthesis.message);
  template = synthesis.template;
  endpoint = moto.endpoint;
  stack = motoTarget(endpoint, `IrLauncher-${run}`);
  await deployByChangeSet(stack, template);
});

afterAll(async () => {
  if (endpoint) await deleteStackQuietly(stack);
});

/** Skips a test when moto is not available (outside CI only: beforeAll throws in CI). */
function needsMoto(ctx: TestContext): string {
  if (!endpoint) ctx.skip();
  return endpoint!;
}

describe('the reference deployed on the moto launcher by change set', () => {
  it('reaches CREATE_COMPLETE', async (ctx) => {
    needsMoto(ctx);
    const answer = await cloudFormationClientFor(stack).send(new DescribeStacksCommand({ StackName: stack.stackName }));
    expect(answer.Stacks?.[0]?.StackStatus).toBe('CREATE_COMPLETE');
  });

  it('lists every resource of the template, each typed and complete', async (ctx) => {
    needsMoto(ctx);
    const resources = await listResources(stack);
    expect(resources).toHaveLength(Object.keys(template.Resources).length);
    expect(resources.map((r) => r.LogicalResourceId).sort()).toEqual(Object.keys(template.Resources).sort());
    for (const resource of resources) {
      expect(resource.ResourceType, resource.LogicalResourceId).toBe(template.Resources[resource.LogicalResourceId!]?.Type);
      expect(resource.ResourceStatus, resource.LogicalResourceId).toBe('CREATE_COMPLETE');
    }
  });

  it('has the 5 outputs of the template, with a CloudFront domain name', async (ctx) => {
    needsMoto(ctx);
    const answer = await cloudFormationClientFor(stack).send(new DescribeStacksCommand({ StackName: stack.stackName }));
    const outputs = Object.fromEntries((answer.Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(template.Outputs ?? {}).sort());
    expect(Object.keys(outputs)).toHaveLength(5);
    for (const [key, value] of Object.entries(outputs)) expect(value, key).toBeTruthy();
    expect(outputs.DistributionDomainName).toMatch(/\.cloudfront\.net$/);
  });

  it('records per-resource events as CloudFormation does: each resource CREATE_IN_PROGRESS then CREATE_COMPLETE, inside the stack’s own', async (ctx) => {
    needsMoto(ctx);
    const events = [...(await listStackEvents(stack))].reverse(); // oldest first
    const ids = Object.keys(template.Resources);
    for (const id of ids) {
      const own = events.filter((event) => event.logicalId === id).map((event) => event.status);
      expect(own, id).toEqual(['CREATE_IN_PROGRESS', 'CREATE_COMPLETE']);
      expect(events.find((event) => event.logicalId === id)?.resourceType, id).toBe(template.Resources[id]?.Type);
    }
    const stackEvents = events.filter((event) => event.resourceType === 'AWS::CloudFormation::Stack').map((event) => event.status);
    expect(stackEvents.slice(-2)).toEqual(['CREATE_IN_PROGRESS', 'CREATE_COMPLETE']);
    const first = events.findIndex((event) => ids.includes(event.logicalId));
    expect(events[first - 1]?.status).toBe('CREATE_IN_PROGRESS');
    expect(events.at(-1)?.resourceType).toBe('AWS::CloudFormation::Stack');
    expect(events.some((event) => event.failed)).toBe(false);
  });

  it('rejects an UPDATE change set with the identical template as containing no changes', async (ctx) => {
    needsMoto(ctx);
    const name = `IrSame-${run}`;
    await createChangeSet(stack, name, 'UPDATE', template);
    const changeSet = await settledChangeSet(stack, name);
    expect(changeSet.Status).toBe('FAILED');
    expect(changeSet.StatusReason).toMatch(/didn't contain changes/);
  });
});

describe('the launcher', () => {
  it('lists the 7 record-only types at /infra-review/emulated-types, all of them used by the reference', async (ctx) => {
    const at = needsMoto(ctx);
    const response = await fetch(`${at}/infra-review/emulated-types`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { recordedOnly: string[] };
    expect([...body.recordedOnly].sort()).toEqual(RECORDED_ONLY);
    const used = new Set(Object.values(template.Resources).map((r) => r.Type));
    expect(RECORDED_ONLY.filter((type) => !used.has(type))).toEqual([]);
  });
});

/** Creates a CREATE change set for a new stack, executes it and waits for CREATE_COMPLETE (the waiters throw otherwise). */
async function deployByChangeSet(target: AwsTarget, body: CfnTemplate): Promise<void> {
  const client = cloudFormationClientFor(target);
  const name = `IrCreate-${run}`;
  await createChangeSet(target, name, 'CREATE', body);
  await waitUntilChangeSetCreateComplete({ client, maxWaitTime: 60, minDelay: 1 }, { StackName: target.stackName, ChangeSetName: name });
  await client.send(new ExecuteChangeSetCommand({ StackName: target.stackName, ChangeSetName: name }));
  await waitUntilStackCreateComplete({ client, maxWaitTime: 90, minDelay: 1 }, { StackName: target.stackName });
}

/** Asks for a change set of the whole template, with the IAM capabilities the reference needs. */
async function createChangeSet(target: AwsTarget, name: string, type: 'CREATE' | 'UPDATE', body: CfnTemplate): Promise<void> {
  await cloudFormationClientFor(target).send(
    new CreateChangeSetCommand({
      StackName: target.stackName,
      ChangeSetName: name,
      ChangeSetType: type,
      TemplateBody: JSON.stringify(body),
      Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
    }),
  );
}

/** Every resource summary of the stack, across pages. */
async function listResources(target: AwsTarget): Promise<StackResourceSummary[]> {
  const resources: StackResourceSummary[] = [];
  const pages = paginateListStackResources({ client: cloudFormationClientFor(target) }, { StackName: target.stackName });
  for await (const page of pages) resources.push(...(page.StackResourceSummaries ?? []));
  return resources;
}

/** The change set once it has left CREATE_PENDING/CREATE_IN_PROGRESS (moto settles it before CreateChangeSet returns). */
async function settledChangeSet(target: AwsTarget, name: string): Promise<DescribeChangeSetCommandOutput> {
  const client = cloudFormationClientFor(target);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const answer = await client.send(new DescribeChangeSetCommand({ StackName: target.stackName, ChangeSetName: name }));
    if (!answer.Status?.startsWith('CREATE_') || answer.Status === 'CREATE_COMPLETE' || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
