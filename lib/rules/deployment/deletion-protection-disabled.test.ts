import { describe, expect, it } from 'vitest';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './deletion-protection-disabled';

describe('deletion-protection-disabled', () => {
  it('non-compliant 1: a retained RDS instance with DeletionProtection false, and a retained cluster without it', () => {
    const text = `
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties: { Engine: postgres, DBInstanceClass: db.t3.micro, AllocatedStorage: '20', DeletionProtection: false }
  Cluster: { Type: AWS::RDS::DBCluster, DeletionPolicy: RetainExceptOnCreate, Properties: { Engine: aurora-mysql } }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['Db'], ['Cluster']]);
    expect(violations[1].message).toContain('DeletionProtection unset (off)');
  });

  it('non-compliant 2: a retained DynamoDB table without DeletionProtectionEnabled', () => {
    const text = `
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    Properties: { BillingMode: PAY_PER_REQUEST, KeySchema: [{ AttributeName: id, KeyType: HASH }], AttributeDefinitions: [{ AttributeName: id, AttributeType: S }] }`;
    expect(rule.check(inputFromText(text))[0].evidence?.[1]).toMatchObject({ path: 'Properties.DeletionProtectionEnabled' });
  });

  it('compliant: protection on or from a parameter, Delete or Snapshot policies, no policy, cluster member instances', () => {
    const text = `
Resources:
  On: { Type: AWS::RDS::DBInstance, DeletionPolicy: Retain, Properties: { Engine: mysql, DeletionProtection: true } }
  Param: { Type: AWS::RDS::DBCluster, DeletionPolicy: Retain, Properties: { Engine: aurora-mysql, DeletionProtection: !Ref Protect } }
  Snap: { Type: AWS::RDS::DBInstance, DeletionPolicy: Snapshot, Properties: { Engine: mysql } }
  Gone: { Type: AWS::RDS::DBInstance, DeletionPolicy: Delete, Properties: { Engine: mysql } }
  Unset: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql } }
  Member: { Type: AWS::RDS::DBInstance, DeletionPolicy: Retain, Properties: { DBClusterIdentifier: !Ref Param, Engine: aurora-mysql } }
  Bucket: { Type: AWS::S3::Bucket, DeletionPolicy: Retain }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('CDK', () => {
    const synthesized = synthOnce((stack, ids) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
      const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });
      const kept = new rds.DatabaseInstance(stack, 'Kept', { engine, vpc, removalPolicy: RemovalPolicy.RETAIN, deletionProtection: false });
      // CDK turns deletion protection on by itself for a retained instance.
      new rds.DatabaseInstance(stack, 'Protected', { engine, vpc, removalPolicy: RemovalPolicy.RETAIN });
      new rds.DatabaseInstance(stack, 'Snapshotted', { engine, vpc });
      new dynamodb.Table(stack, 'DefaultRetain', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
      ids.kept = logicalId(kept);
    });

    it('non-compliant: an rds.DatabaseInstance with RemovalPolicy.RETAIN and deletionProtection false; compliant: the CDK defaults', () => {
      expect(rule.check({ template: synthesized.template, sources: [] }).map((v) => v.resources)).toEqual([[synthesized.ids.kept]]);
    });
  });
});
