import { describe, expect, it } from 'vitest';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { inputFromText, synthOnce } from '../test-util';
import { rule } from './stateful-resource-retention';

const table = (name: string, attributes = '') => `
  ${name}:
    Type: AWS::DynamoDB::Table
${attributes}    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]`;

describe('stateful-resource-retention', () => {
  it('non-compliant 1: a table, a bucket and a database without either policy, in one finding', () => {
    const text = `
Resources:${table('Orders')}
  Uploads: { Type: AWS::S3::Bucket }
  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: postgres, DBInstanceClass: db.t3.micro, AllocatedStorage: '20' } }
  Topic: { Type: AWS::SNS::Topic }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['Orders', 'Uploads', 'Db']]);
    expect(violations[0].message).toContain(
      'Orders (AWS::DynamoDB::Table), Uploads (AWS::S3::Bucket), Db (AWS::RDS::DBInstance) have neither',
    );
  });

  it('non-compliant 2: a file system and a cluster (the cluster member instance holds no data of its own)', () => {
    const text = `
Resources:
  Files: { Type: AWS::EFS::FileSystem }
  Cluster: { Type: AWS::RDS::DBCluster, Properties: { Engine: aurora-postgresql } }
  Writer: { Type: AWS::RDS::DBInstance, Properties: { DBClusterIdentifier: !Ref Cluster, DBInstanceClass: db.r6g.large, Engine: aurora-postgresql } }`;
    expect(rule.check(inputFromText(text)).map((v) => v.resources)).toEqual([['Files', 'Cluster']]);
  });

  it('compliant: explicit Delete, Retain or Snapshot, or only one policy (cfn-lint W3011 reports that)', () => {
    const text = `
Resources:${table('Kept', '    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n')}${table('Disposable', '    DeletionPolicy: Delete\n')}${table('Half', '    UpdateReplacePolicy: Snapshot\n')}
  Logs: { Type: AWS::S3::Bucket, DeletionPolicy: Delete, UpdateReplacePolicy: Delete }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('CDK', () => {
    const synthesized = synthOnce((stack) => {
      new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
      new s3.Bucket(stack, 'Bucket', { removalPolicy: RemovalPolicy.DESTROY });
    });

    it('compliant: CDK writes both policies (Retain by default, Delete for RemovalPolicy.DESTROY)', () => {
      expect(rule.check({ template: synthesized.template, sources: [] })).toEqual([]);
    });
  });
});
