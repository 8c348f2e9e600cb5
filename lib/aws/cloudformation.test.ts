import { CreateChangeSetCommand } from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { AppError } from '../errors';
import { countStackResources, describeStack, getDeployedTemplate, listStackEvents } from './cloudformation';
import { createStackAndWait, deleteStackQuietly, ensureMoto, MOTO_TEST_CREDENTIALS, motoTarget } from './testing';
import { cloudFormationClientFor, type AwsTarget } from './target';

/** A topic and a queue with outputs: resource types moto deploys through CloudFormation. */
const TOPIC_AND_QUEUE = {
  AWSTemplateFormatVersion: '2010-09-09',
  Description: 'infra-review test stack',
  Resources: {
    AlertsTopic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'alerts' } },
    JobsQueue: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 60 } },
  },
  Outputs: {
    TopicArn: { Value: { Ref: 'AlertsTopic' }, Description: 'alerts topic' },
    QueueName: { Value: { 'Fn::GetAtt': ['JobsQueue', 'QueueName'] } },
  },
};

const YAML_QUEUE = `Resources:
  OnlyQueue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub "\${AWS::StackName}-only"
`;

const run = `${Date.now().toString(36)}${process.pid}`;
let endpoint: string | undefined;
let stack: AwsTarget;

beforeAll(async () => {
  Object.assign(process.env, MOTO_TEST_CREDENTIALS);
  const moto = await ensureMoto();
  if ('error' in moto) {
    if (process.env.CI) throw new Error(`moto must run in CI: ${moto.error}`);
    console.warn(`Skipping CloudFormation tests: moto could not be installed or started (${moto.error})`);
    return;
  }
  endpoint = moto.endpoint;
  stack = motoTarget(endpoint, `IrTest-${run}`);
  expect(await createStackAndWait(stack, TOPIC_AND_QUEUE)).toBe('CREATE_COMPLETE');
});

afterAll(async () => {
  if (endpoint) await deleteStackQuietly(stack);
});

/** Skips a test when moto is not available (outside CI only: beforeAll throws in CI). */
function needsMoto(ctx: TestContext): string {
  if (!endpoint) ctx.skip();
  return endpoint!;
}

describe('describeStack', () => {
  it('reports status, times and outputs of a created stack', async (ctx) => {
    needsMoto(ctx);
    const state = await describeStack(stack);
    if (!state.exists) throw new Error('stack should exist');
    expect(state.status).toBe('CREATE_COMPLETE');
    expect(state.stackId).toContain(`stack/${stack.stackName}/`);
    expect(Date.parse(state.lastUpdated)).not.toBeNaN();
    const outputs = Object.fromEntries(state.outputs.map((o) => [o.key, o]));
    expect(outputs.TopicArn.value).toMatch(/^arn:aws:sns:us-east-1:\d{12}:/);
    expect(outputs.TopicArn.description).toBe('alerts topic');
    expect(outputs.QueueName.value).toBeTruthy();
  });

  it('says a stack that was never created does not exist', async (ctx) => {
    const at = needsMoto(ctx);
    expect(await describeStack(motoTarget(at, `IrMissing-${run}`))).toEqual({ exists: false });
  });

  it('turns an unreachable endpoint into unavailable:aws naming the endpoint', async () => {
    const error = await describeStack(motoTarget('http://127.0.0.1:9', 'Anything')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable:aws');
    expect((error as AppError).message).toMatch(/127\.0\.0\.1:9 is unreachable/);
  });
});

describe('getDeployedTemplate', () => {
  it('returns the JSON template the stack was created with', async (ctx) => {
    needsMoto(ctx);
    const deployed = await getDeployedTemplate(stack);
    expect(deployed.format).toBe('json');
    expect(deployed.template).toEqual(TOPIC_AND_QUEUE);
    expect(Object.isFrozen(deployed.template)).toBe(true);
  });

  it('parses a YAML template with short-form intrinsics', async (ctx) => {
    const yamlStack = motoTarget(needsMoto(ctx), `IrYaml-${run}`);
    try {
      expect(await createStackAndWait(yamlStack, YAML_QUEUE)).toBe('CREATE_COMPLETE');
      const deployed = await getDeployedTemplate(yamlStack);
      expect(deployed.format).toBe('yaml');
      expect(deployed.template.Resources.OnlyQueue.Properties?.QueueName).toEqual({ 'Fn::Sub': '${AWS::StackName}-only' });
    } finally {
      await deleteStackQuietly(yamlStack);
    }
  });

  it('is not_found:stack while the stack only has an unexecuted change set', async (ctx) => {
    const pending = motoTarget(needsMoto(ctx), `IrPending-${run}`);
    try {
      const body = JSON.stringify(TOPIC_AND_QUEUE);
      const command = new CreateChangeSetCommand({
        StackName: pending.stackName,
        ChangeSetName: 'pending',
        ChangeSetType: 'CREATE',
        TemplateBody: body,
      });
      await cloudFormationClientFor(pending).send(command);
      expect(await describeStack(pending)).toMatchObject({ exists: true, status: 'REVIEW_IN_PROGRESS' });
      const error = await getDeployedTemplate(pending).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'not_found:stack', message: expect.stringMatching(/no deployed template yet/) });
    } finally {
      await deleteStackQuietly(pending);
    }
  });

  it('is not_found:stack for a missing stack', async (ctx) => {
    const error = await getDeployedTemplate(motoTarget(needsMoto(ctx), `IrMissing-${run}`)).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('not_found:stack');
  });
});

describe('listStackEvents', () => {
  it('lists every event newest first, from the stack CREATE_IN_PROGRESS up to its CREATE_COMPLETE', async (ctx) => {
    needsMoto(ctx);
    const events = await listStackEvents(stack);
    const times = events.map((e) => e.timestamp);
    expect(times).toEqual([...times].sort().reverse());
    expect(events[0]).toMatchObject({ logicalId: stack.stackName, resourceType: 'AWS::CloudFormation::Stack', status: 'CREATE_COMPLETE' });
    expect(events.at(-1)).toMatchObject({ logicalId: stack.stackName, status: 'CREATE_IN_PROGRESS' });
    // moto emits stack-level events only (MOTO_NOTES.md); AWS adds one per resource, which must be ours then.
    const resourceIds = events.filter((e) => e.resourceType !== 'AWS::CloudFormation::Stack').map((e) => e.logicalId);
    expect(resourceIds.every((id) => ['AlertsTopic', 'JobsQueue'].includes(id))).toBe(true);
    expect(events.some((e) => e.failed)).toBe(false);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });

  it('is not_found:stack for a missing stack', async (ctx) => {
    const error = await listStackEvents(motoTarget(needsMoto(ctx), `IrMissing-${run}`)).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('not_found:stack');
  });
});

describe('countStackResources', () => {
  it('counts the resources of the stack', async (ctx) => {
    needsMoto(ctx);
    expect(await countStackResources(stack)).toBe(2);
  });
});
