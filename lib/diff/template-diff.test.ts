import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { poldoc, resource, synth, template } from '../rules/test-util';
import { deepFreeze } from '../templates/load';
import type { CfnResource, CfnTemplate, CfnValue } from '../templates/types';
import { diffTemplates } from './template-diff';

const role = (policies: CfnValue[] = []) =>
  resource('AWS::IAM::Role', {
    AssumeRolePolicyDocument: poldoc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    ...(policies.length ? { Policies: policies } : {}),
  });

/** Diffs two frozen templates, proving along the way that neither is mutated. */
function frozenDiff(from: CfnTemplate, to: CfnTemplate) {
  const [a, b] = [deepFreeze(structuredClone(from)), deepFreeze(structuredClone(to))];
  const result = diffTemplates(a, b, { from: 'old', to: 'new' });
  expect(a).toEqual(from);
  expect(b).toEqual(to);
  return result;
}

describe('diffTemplates', () => {
  it('reports identical templates as empty', () => {
    const t = template({ Bucket: resource('AWS::S3::Bucket', { BucketName: 'x' }) }, { Outputs: { Name: { Value: { Ref: 'Bucket' } } } });
    const result = frozenDiff(t, t);
    expect(result).toEqual({
      from: 'old',
      to: 'new',
      empty: true,
      counts: { added: 0, removed: 0, updated: 0, destructive: 0 },
      resources: [],
      other: [],
    });
  });

  it('lists every property of an added resource as added and of a removed resource as removed', () => {
    const from = template({ Old: resource('AWS::SNS::Topic', { TopicName: 't' }, { DeletionPolicy: 'Delete' }) });
    const to = template({ New: resource('AWS::SQS::Queue', { VisibilityTimeout: 30, QueueName: 'q' }) });
    const [removed, added] = frozenDiff(from, to).resources;
    expect(added).toEqual({
      logicalId: 'New',
      type: 'AWS::SQS::Queue',
      change: 'added',
      impact: 'create',
      destructive: false,
      properties: [
        { path: 'Properties.QueueName', change: 'added', after: 'q' },
        { path: 'Properties.VisibilityTimeout', change: 'added', after: 30 },
      ],
    });
    expect(removed).toMatchObject({ logicalId: 'Old', change: 'removed', impact: 'destroy', destructive: true });
    expect(removed.properties).toEqual([
      { path: 'Properties.TopicName', change: 'removed', before: 't' },
      { path: 'DeletionPolicy', change: 'removed', before: 'Delete' },
    ]);
  });

  it('marks a removed resource with DeletionPolicy Retain as orphaned', () => {
    const result = frozenDiff(template({ Keep: resource('AWS::S3::Bucket', {}, { DeletionPolicy: 'Retain' }) }), template({}));
    expect(result.resources[0]).toMatchObject({ impact: 'orphan', destructive: true });
  });

  it('marks a DynamoDB KeySchema change as a replacement', () => {
    const table = (key: string) =>
      resource('AWS::DynamoDB::Table', { KeySchema: [{ AttributeName: key, KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' });
    const result = frozenDiff(template({ Table: table('id') }), template({ Table: table('pk') }));
    expect(result.resources).toEqual([
      {
        logicalId: 'Table',
        type: 'AWS::DynamoDB::Table',
        change: 'updated',
        impact: 'replace',
        destructive: true,
        properties: [
          {
            path: 'Properties.KeySchema',
            change: 'updated',
            impact: 'replace',
            before: [{ AttributeName: 'id', KeyType: 'HASH' }],
            after: [{ AttributeName: 'pk', KeyType: 'HASH' }],
            nested: [
              { path: '[0]', depth: 0, change: 'updated' },
              { path: '[0].AttributeName', depth: 1, change: 'updated', before: 'id', after: 'pk' },
            ],
          },
        ],
      },
    ]);
    expect(result.counts).toEqual({ added: 0, removed: 0, updated: 1, destructive: 1 });
  });

  it('marks an S3 BucketName change as a replacement and a tag change as an in-place update', () => {
    const from = template({ B: resource('AWS::S3::Bucket', { BucketName: 'a', Tags: [{ Key: 'k', Value: '1' }] }) });
    const to = template({ B: resource('AWS::S3::Bucket', { BucketName: 'b', Tags: [{ Key: 'k', Value: '2' }] }) });
    const [bucket] = frozenDiff(from, to).resources;
    expect(bucket.impact).toBe('replace');
    expect(bucket.properties.map((p) => [p.path, p.impact])).toEqual([
      ['Properties.BucketName', 'replace'],
      ['Properties.Tags', 'update'],
    ]);
  });

  it('reports non-property attribute changes as path entries', () => {
    const from = template({ A: resource('AWS::SQS::Queue', {}), B: resource('AWS::SQS::Queue', {}, { Metadata: { m: 1 } }) });
    const to = template({
      A: resource('AWS::SQS::Queue', {}),
      B: resource('AWS::SQS::Queue', {}, { DependsOn: ['A'], UpdateReplacePolicy: 'Retain', Metadata: { m: 2 } }),
    });
    const [b] = frozenDiff(from, to).resources;
    expect(b).toMatchObject({ change: 'updated', impact: 'update', destructive: false });
    expect(b.properties).toEqual([
      { path: 'DependsOn', change: 'added', after: ['A'] },
      {
        path: 'Metadata',
        change: 'updated',
        before: { m: 1 },
        after: { m: 2 },
        nested: [{ path: 'm', depth: 0, change: 'updated', before: 1, after: 2 }],
      },
      { path: 'UpdateReplacePolicy', change: 'added', after: 'Retain' },
    ]);
  });

  it('reports a type change as a replacement with a Type entry', () => {
    const result = frozenDiff(
      template({ X: resource('AWS::SNS::Topic', { A: 1 }) }),
      template({ X: resource('AWS::SQS::Queue', { A: 1, B: 2 }) }),
    );
    expect(result.resources[0]).toMatchObject({ type: 'AWS::SQS::Queue', change: 'updated', impact: 'replace', destructive: true });
    expect(result.resources[0].properties).toEqual([
      { path: 'Type', change: 'updated', before: 'AWS::SNS::Topic', after: 'AWS::SQS::Queue', impact: 'replace' },
      { path: 'Properties.B', change: 'added', after: 2, impact: 'replace' },
    ]);
  });

  it('counts a changed custom resource as an update even though the library has no spec for it', () => {
    const result = frozenDiff(template({ C: resource('Custom::Thing', { A: 1 }) }), template({ C: resource('Custom::Thing', { A: 2 }) }));
    expect(result.resources[0]).toMatchObject({ impact: 'update', properties: [{ path: 'Properties.A', impact: 'update' }] });
  });

  it('reports an added Fn::ForEach resource as one Value entry', () => {
    const loop = ['Name', ['A', 'B'], { 'Queue${Name}': { Type: 'AWS::SQS::Queue' } }] as unknown as CfnResource;
    const [change] = frozenDiff(
      template({}, { Transform: 'AWS::LanguageExtensions' }),
      template({ 'Fn::ForEach::Queues': loop }, { Transform: 'AWS::LanguageExtensions' }),
    ).resources;
    expect(change).toMatchObject({
      logicalId: 'Fn::ForEach::Queues',
      type: 'Fn::ForEach',
      change: 'added',
      properties: [{ path: 'Value', change: 'added', after: loop }],
    });
  });

  it('orders resources updated, then removed, then added, each by logical id', () => {
    const q = resource('AWS::SQS::Queue', {});
    const result = frozenDiff(
      template({ Zed: resource('AWS::SQS::Queue', { DelaySeconds: 1 }), Gone: q, Alpha: resource('AWS::SQS::Queue', { DelaySeconds: 1 }) }),
      template({
        Zed: resource('AWS::SQS::Queue', { DelaySeconds: 2 }),
        Alpha: resource('AWS::SQS::Queue', { DelaySeconds: 2 }),
        Brand: q,
        Another: q,
      }),
    );
    expect(result.resources.map((r) => `${r.change}:${r.logicalId}`)).toEqual([
      'updated:Alpha',
      'updated:Zed',
      'removed:Gone',
      'added:Another',
      'added:Brand',
    ]);
  });

  it('builds an IAM statement table when a role gains s3:* on *', () => {
    const wide = { PolicyName: 'p', PolicyDocument: poldoc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) };
    const result = frozenDiff(template({ Role: role() }), template({ Role: role([wide]) }));
    expect(result.iamStatements).toEqual({
      headers: ['', 'Resource', 'Effect', 'Action', 'Principal', 'Condition'],
      rows: [{ change: 'added', cells: ['+', '*', 'Allow', 's3:*', 'AWS:${Role}', ''] }],
    });
    expect(result.iamManagedPolicies).toBeUndefined();
    expect(result.securityGroups).toBeUndefined();
  });

  it('builds a managed policy table with removed rows', () => {
    const withArn = resource('AWS::IAM::Role', {
      AssumeRolePolicyDocument: poldoc(),
      ManagedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    });
    const result = frozenDiff(
      template({ Role: withArn }),
      template({ Role: resource('AWS::IAM::Role', { AssumeRolePolicyDocument: poldoc() }) }),
    );
    expect(result.iamManagedPolicies?.rows).toEqual([
      { change: 'removed', cells: ['-', '${Role}', 'arn:aws:iam::aws:policy/ReadOnlyAccess'] },
    ]);
  });

  it('builds a security group table when SSH is opened to the world', () => {
    const group = (ingress: CfnValue[]) => resource('AWS::EC2::SecurityGroup', { GroupDescription: 'web', SecurityGroupIngress: ingress });
    const result = frozenDiff(
      template({ Sg: group([]) }),
      template({ Sg: group([{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }]) }),
    );
    expect(result.securityGroups).toEqual({
      headers: ['', 'Group', 'Dir', 'Protocol', 'Peer'],
      rows: [{ change: 'added', cells: ['+', '${Sg.GroupId}', 'In', 'TCP 22', 'Everyone (IPv4)'] }],
    });
  });

  it('reports changes outside Resources with section paths, in template section order', () => {
    const from = template(
      {},
      { Description: 'v1', Parameters: { Env: { Type: 'String' } }, Outputs: { ApiUrl: { Value: 'a' }, Old: { Value: 'x' } } },
    );
    const to = template(
      {},
      { Description: 'v2', Conditions: { IsProd: { 'Fn::Equals': ['a', 'b'] } }, Outputs: { ApiUrl: { Value: 'b' } } },
    );
    const result = frozenDiff(from, to);
    expect(result.empty).toBe(false);
    expect(result.resources).toEqual([]);
    expect(result.other).toEqual([
      { path: 'Description', change: 'updated', before: 'v1', after: 'v2' },
      { path: 'Parameters.Env', change: 'removed', before: { Type: 'String' } },
      { path: 'Conditions.IsProd', change: 'added', after: { 'Fn::Equals': ['a', 'b'] } },
      {
        path: 'Outputs.ApiUrl',
        change: 'updated',
        before: { Value: 'a' },
        after: { Value: 'b' },
        nested: [{ path: 'Value', depth: 0, change: 'updated', before: 'a', after: 'b' }],
      },
      { path: 'Outputs.Old', change: 'removed', before: { Value: 'x' } },
    ]);
  });

  it('returns plain JSON that survives a JSON round trip unchanged', () => {
    const wide = { PolicyName: 'p', PolicyDocument: poldoc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) };
    const result = frozenDiff(
      template({ Role: role(), Gone: resource('AWS::SNS::Topic') }, { Outputs: { A: { Value: 1 } } }),
      template({ Role: role([wide]), New: resource('AWS::SQS::Queue') }),
    );
    expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
  });
});

describe('diffTemplates on CDK-synthesized templates', () => {
  const app = (options: { versioned: boolean; memory: number; partitionKey: string }) =>
    synth((stack) => {
      new s3.Bucket(stack, 'Assets', { versioned: options.versioned, removalPolicy: RemovalPolicy.DESTROY });
      new dynamodb.Table(stack, 'Orders', { partitionKey: { name: options.partitionKey, type: dynamodb.AttributeType.STRING } });
      new lambda.Function(stack, 'Handler', {
        runtime: lambda.Runtime.NODEJS_24_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline('exports.handler = async () => {}'),
        memorySize: options.memory,
        timeout: Duration.seconds(10),
      });
    });

  it('finds the changed props of a synthesized pair and nothing else', () => {
    const from = app({ versioned: false, memory: 128, partitionKey: 'id' });
    const to = app({ versioned: true, memory: 512, partitionKey: 'pk' });
    const result = frozenDiff(from, to);
    const byType = Object.fromEntries(result.resources.map((r) => [r.type, [r.impact, r.properties.map((p) => p.path)]]));
    expect(byType).toEqual({
      'AWS::S3::Bucket': ['update', ['Properties.VersioningConfiguration']],
      'AWS::Lambda::Function': ['update', ['Properties.MemorySize']],
      'AWS::DynamoDB::Table': ['replace', ['Properties.AttributeDefinitions', 'Properties.KeySchema']],
    });
    expect(result.counts).toEqual({ added: 0, removed: 0, updated: 3, destructive: 1 });
    expect(result.other).toEqual([]);
  });
});
