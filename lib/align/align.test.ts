import { describe, expect, it } from 'vitest';
import { fromObject } from '../templates/load';
import type { CfnResource, CfnTemplate } from '../templates/types';
import { alignLoaded, alignTemplates } from './align';

function template(resources: Record<string, CfnResource>): CfnTemplate {
  return { Resources: resources };
}

function resource(type: string, properties: Record<string, unknown> = {}, extra: Partial<CfnResource> = {}): CfnResource {
  return { Type: type, Properties: properties, ...extra } as CfnResource;
}

function cdkPath(path: string): Partial<CfnResource> {
  return { Metadata: { 'aws:cdk:path': path } };
}

const bucket = (properties: Record<string, unknown> = {}) => resource('AWS::S3::Bucket', properties);
const pairsOf = (reference: CfnTemplate, model: CfnTemplate) =>
  alignTemplates(reference, model).pairs.map((pair) => [pair.reference, pair.model]);

describe('alignTemplates', () => {
  it('pairs resources with the same logical ID and type with score 1', () => {
    const alignment = alignTemplates(
      template({ Table: resource('AWS::DynamoDB::Table') }),
      template({ Table: resource('AWS::DynamoDB::Table') }),
    );
    expect(alignment.pairs).toEqual([
      {
        reference: 'Table',
        model: 'Table',
        type: 'AWS::DynamoDB::Table',
        score: 1,
        signals: ['logical-id'],
        evidence: ['same logical ID'],
      },
    ]);
    expect(alignment.missing).toEqual([]);
    expect(alignment.extra).toEqual([]);
  });

  it('pairs a resource renamed only in its CDK hash suffix by name', () => {
    const table = { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] };
    const reference = template({ DataTable1A2B3C4D: resource('AWS::DynamoDB::Table', table), Other: bucket(), Another: bucket({ A: 1 }) });
    const model = template({ DataTableEF567890: resource('AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST' }), Other: bucket() });
    const pair = alignTemplates(reference, model).pairs.find((p) => p.reference === 'DataTable1A2B3C4D');
    expect(pair?.model).toBe('DataTableEF567890');
    expect(pair?.signals[0]).toBe('name');
    expect(pair?.evidence.join(' ')).toContain('id DataTable');
  });

  it('pairs resources renamed in their logical ID by their construct path, without the stack prefix', () => {
    const reference = template({
      OrdersQueueAAAA1111: resource('AWS::SQS::Queue', {}, cdkPath('RefStack/Orders/Queue/Resource')),
      AuditQueueBBBB2222: resource('AWS::SQS::Queue', {}, cdkPath('RefStack/Audit/Queue/Resource')),
    });
    const model = template({
      QueueOne: resource('AWS::SQS::Queue', {}, cdkPath('ModelStack/Audit/Queue/Resource')),
      QueueTwo: resource('AWS::SQS::Queue', {}, cdkPath('ModelStack/Orders/Queue/Resource')),
    });
    expect(pairsOf(reference, model)).toEqual([
      ['OrdersQueueAAAA1111', 'QueueTwo'],
      ['AuditQueueBBBB2222', 'QueueOne'],
    ]);
    expect(alignTemplates(reference, model).pairs[0].evidence.join(' ')).toContain('path Orders/Queue');
  });

  it('tells two buckets apart by their properties', () => {
    const versioned = { VersioningConfiguration: { Status: 'Enabled' }, BucketEncryption: { Algorithm: 'aws:kms' } };
    const logs = { AccessControl: 'LogDeliveryWrite', LifecycleConfiguration: { Rules: [{ ExpirationInDays: 30 }] } };
    const reference = template({ AssetsStore: bucket(versioned), LogsStore: bucket(logs) });
    const model = template({ BucketB: bucket(logs), BucketA: bucket(versioned) });
    expect(pairsOf(reference, model)).toEqual([
      ['AssetsStore', 'BucketA'],
      ['LogsStore', 'BucketB'],
    ]);
    expect(alignTemplates(reference, model).pairs[0].signals).toContain('properties');
  });

  it('tells two identical buckets apart by the function whose environment variable references each', () => {
    const fn = (target: string) =>
      resource('AWS::Lambda::Function', { Runtime: 'nodejs20.x', Environment: { Variables: { UPLOADS: { Ref: target } } } });
    const reference = template({ Handler: fn('Uploads'), Uploads: bucket(), Archive: bucket() });
    const model = template({ Worker: fn('StoreTwo'), StoreOne: bucket(), StoreTwo: bucket() });
    const alignment = alignTemplates(reference, model);
    expect(alignment.pairs.map((p) => [p.reference, p.model])).toEqual([
      ['Handler', 'Worker'],
      ['Uploads', 'StoreTwo'],
      ['Archive', 'StoreOne'],
    ]);
    expect(alignment.pairs[1].signals).toContain('graph');
    expect(alignment.pairs[1].evidence.join(' ')).toContain('Handler');
  });

  it('pairs a lone resource of a type on both sides even when names and properties differ', () => {
    const alignment = alignTemplates(
      template({ ApiGatewayAccount: resource('AWS::ApiGateway::Account', { CloudWatchRoleArn: 'a' }) }),
      template({ Settings: resource('AWS::ApiGateway::Account', { CloudWatchRoleArn: 'b' }) }),
    );
    expect(alignment.pairs.map((p) => p.model)).toEqual(['Settings']);
    expect(alignment.pairs[0].evidence[0]).toContain('the only unpaired AWS::ApiGateway::Account');
  });

  it('never pairs resources of different types, not even under the same logical ID', () => {
    const alignment = alignTemplates(template({ Store: bucket() }), template({ Store: resource('AWS::SQS::Queue') }));
    expect(alignment.pairs).toEqual([]);
    expect(alignment.missing).toEqual(['Store']);
    expect(alignment.extra).toEqual(['Store']);
  });

  it('lists reference resources without counterpart as missing and model ones as extra, each in its template order', () => {
    const reference = template({ Keep: bucket(), Alarm: resource('AWS::CloudWatch::Alarm'), Key: resource('AWS::KMS::Key') });
    const model = template({ Topic: resource('AWS::SNS::Topic'), Keep: bucket(), Queue: resource('AWS::SQS::Queue') });
    const alignment = alignTemplates(reference, model);
    expect(alignment.missing).toEqual(['Alarm', 'Key']);
    expect(alignment.extra).toEqual(['Topic', 'Queue']);
  });

  it('leaves several resources of a type unpaired when nothing tells which is which', () => {
    const reference = template({ Alpha: bucket({ A: 1 }), Beta: bucket({ B: 2 }) });
    const model = template({ Gamma: bucket({ C: 3 }), Delta: bucket({ D: 4 }) });
    expect(alignTemplates(reference, model).pairs).toEqual([]);
  });

  it('does not mutate its inputs (frozen templates align)', () => {
    const reference = template({ DataTable1A2B3C4D: resource('AWS::DynamoDB::Table', { TableName: 'x' }) });
    const model = template({ DataTableEF567890: resource('AWS::DynamoDB::Table', { TableName: 'x' }) });
    const frozen = (t: CfnTemplate) => fromObject(t).template;
    const before = JSON.stringify([reference, model]);
    expect(() => alignTemplates(frozen(reference), frozen(model))).not.toThrow();
    alignTemplates(reference, model);
    expect(JSON.stringify([reference, model])).toBe(before);
  });

  it('compares names built from parameters by their literal parts only', () => {
    const named = (name: unknown) => resource('AWS::DynamoDB::Table', { TableName: name });
    const reference = template({
      A: named({ 'Fn::Sub': 'orders-${EnvironmentSuffix}' }),
      B: named({ 'Fn::Sub': 'users-${EnvironmentSuffix}' }),
    });
    const model = template({
      X: named({ 'Fn::Join': ['', ['users-', { Ref: 'Env' }]] }),
      Y: named({ 'Fn::Join': ['', ['orders-', { Ref: 'Env' }]] }),
    });
    expect(pairsOf(reference, model)).toEqual([
      ['A', 'Y'],
      ['B', 'X'],
    ]);
  });
});

describe('alignLoaded', () => {
  it('returns the same alignment object for the same pair of template hashes', () => {
    const reference = fromObject(template({ Store: bucket() }));
    const model = fromObject(template({ Store: bucket() }));
    const first = alignLoaded(reference, model);
    expect(alignLoaded(fromObject(template({ Store: bucket() })), model)).toBe(first);
    expect(first.pairs).toHaveLength(1);
  });
});
