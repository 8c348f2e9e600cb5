import { describe, expect, it } from 'vitest';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './data-backups-disabled';

const table = (name: string, extra = '') => `
  ${name}:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
${extra}`;

describe('data-backups-disabled', () => {
  it('non-compliant 1: a table without point-in-time recovery, one with it off, and an RDS instance with retention 0, one finding each', () => {
    const text = `
Resources:${table('Missing')}${table('Off', '      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false }')}
  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, DBInstanceClass: db.t3.micro, AllocatedStorage: '20', BackupRetentionPeriod: 0 } }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => [v.resources?.[0], v.evidence?.[0].path])).toEqual([
      ['Missing', 'Properties.PointInTimeRecoverySpecification'],
      ['Off', 'Properties.PointInTimeRecoverySpecification'],
      ['Db', 'Properties.BackupRetentionPeriod'],
    ]);
  });

  it('non-compliant 2: a Redshift cluster with automated snapshots off', () => {
    const text = `
Resources:
  Warehouse: { Type: AWS::Redshift::Cluster, Properties: { NodeType: ra3.xlplus, ClusterType: single-node, DBName: dw, AutomatedSnapshotRetentionPeriod: '0' } }`;
    expect(rule.check(inputFromText(text)).map((v) => v.resources)).toEqual([['Warehouse']]);
  });

  it('compliant: PITR on, a conditional setting, default RDS retention, a read replica, and a table an AWS Backup selection names', () => {
    const text = `
Resources:${table('On', '      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }')}${table('Conditional', '      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: !If [IsProd, true, false] }')}${table('BackedUp')}
  Selection: { Type: AWS::Backup::BackupSelection, Properties: { BackupPlanId: plan, BackupSelection: { SelectionName: s, IamRoleArn: arn, Resources: [!GetAtt BackedUp.Arn] } } }
  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, DBInstanceClass: db.t3.micro, AllocatedStorage: '20' } }
  Replica: { Type: AWS::RDS::DBInstance, Properties: { SourceDBInstanceIdentifier: !Ref Db, DBInstanceClass: db.t3.micro, BackupRetentionPeriod: 0 } }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  it('compliant: any table, when a backup selection chooses resources by tag', () => {
    const text = `
Resources:${table('Tagged')}
  Selection: { Type: AWS::Backup::BackupSelection, Properties: { BackupPlanId: plan, BackupSelection: { SelectionName: s, IamRoleArn: arn, ListOfTags: [{ ConditionType: STRINGEQUALS, ConditionKey: backup, ConditionValue: daily }] } } }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('CDK', () => {
    const synthesized = synthOnce((stack, ids) => {
      const plain = new dynamodb.Table(stack, 'Plain', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
      new dynamodb.Table(stack, 'Recoverable', {
        partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      });
      ids.plain = logicalId(plain);
    });

    it('non-compliant: a dynamodb.Table without pointInTimeRecoverySpecification; compliant: one with it', () => {
      expect(rule.check({ template: synthesized.template, sources: [] }).map((v) => v.resources)).toEqual([[synthesized.ids.plain]]);
    });
  });
});
