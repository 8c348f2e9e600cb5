import { describe, expect, it } from 'vitest';
import { Size } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as rds from 'aws-cdk-lib/aws-rds';
import { input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './encryption-at-rest';

const resourcesOf = (text: string) => rule.check(inputFromText(text)).map((v) => v.resources);

describe('encryption-at-rest', () => {
  it('non-compliant 1: databases, file systems and streams that leave encryption unset or off', () => {
    const text = `
Resources:
  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, DBInstanceClass: db.t3.micro } }
  Cluster: { Type: AWS::RDS::DBCluster, Properties: { Engine: aurora-postgresql, StorageEncrypted: false } }
  Docs: { Type: AWS::DocDB::DBCluster, Properties: { MasterUsername: u } }
  Files: { Type: AWS::EFS::FileSystem, Properties: {} }
  Stream: { Type: AWS::Kinesis::Stream, Properties: { ShardCount: 1 } }
  Cache: { Type: AWS::ElastiCache::ReplicationGroup, Properties: { ReplicationGroupDescription: c, TransitEncryptionEnabled: true } }
  Search: { Type: AWS::OpenSearchService::Domain, Properties: { EncryptionAtRestOptions: { Enabled: 'false' } } }
`;
    expect(resourcesOf(text)).toEqual([['Db'], ['Cluster'], ['Docs'], ['Files'], ['Stream'], ['Cache'], ['Search']]);
    expect(rule.check(inputFromText(text))[1].evidence).toEqual([
      { resource: 'Cluster', path: 'Properties.StorageEncrypted', value: false, note: 'encryption is turned off' },
    ]);
  });

  it('non-compliant 2: EBS volumes, block device mappings without Encrypted, and a queue with SSE turned off', () => {
    const text = `
Resources:
  Volume: { Type: AWS::EC2::Volume, Properties: { Size: 10, AvailabilityZone: !Select [0, !GetAZs ''] } }
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        BlockDeviceMappings:
          - { DeviceName: /dev/xvda, Ebs: { VolumeSize: 20, Encrypted: true } }
          - { DeviceName: /dev/sdf, Ebs: { VolumeSize: 100 } }
  Server:
    Type: AWS::EC2::Instance
    Properties: { ImageId: ami-12345678, BlockDeviceMappings: [{ DeviceName: /dev/xvda, Ebs: { Encrypted: false } }] }
  Queue: { Type: AWS::SQS::Queue, Properties: { SqsManagedSseEnabled: false } }
`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['Volume'], ['Template'], ['Server'], ['Queue']]);
    expect(violations[1].evidence?.map((e) => e.path)).toEqual(['Properties.LaunchTemplateData.BlockDeviceMappings.1.Ebs.Encrypted']);
    expect(violations[2].evidence?.[0]).toMatchObject({ value: false });
  });

  it('compliant: encryption on, inherited from a snapshot or cluster, on by default, or decided by a condition', () => {
    const text = `
Conditions: { Prod: !Equals [!Ref AWS::AccountId, '1'] }
Resources:
  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: postgres, StorageEncrypted: true } }
  Restored: { Type: AWS::RDS::DBInstance, Properties: { DBSnapshotIdentifier: snap } }
  Member: { Type: AWS::RDS::DBInstance, Properties: { Engine: aurora-mysql, DBClusterIdentifier: !Ref Cluster } }
  Cluster: { Type: AWS::RDS::DBCluster, Properties: { Engine: aurora-mysql, StorageEncrypted: !If [Prod, true, false] } }
  Graph: { Type: AWS::Neptune::DBCluster, Properties: {} }
  FromSnapshot: { Type: AWS::EC2::Volume, Properties: { SnapshotId: snap-1, AvailabilityZone: a } }
  Files: { Type: AWS::EFS::FileSystem, Properties: { Encrypted: true } }
  Search: { Type: AWS::OpenSearchService::Domain, Properties: { EncryptionAtRestOptions: !If [Prod, { Enabled: true }, !Ref AWS::NoValue] } }
  Stream: { Type: AWS::Kinesis::Stream, Properties: { StreamEncryption: { EncryptionType: KMS, KeyId: alias/aws/kinesis } } }
  Queue: { Type: AWS::SQS::Queue, Properties: {} }
  KeyQueue: { Type: AWS::SQS::Queue, Properties: { KmsMasterKeyId: alias/aws/sqs, SqsManagedSseEnabled: false } }
  Topic: { Type: AWS::SNS::Topic, Properties: {} }
  Table: { Type: AWS::DynamoDB::Table, Properties: { BillingMode: PAY_PER_REQUEST } }
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        BlockDeviceMappings: [{ DeviceName: /dev/xvda, Ebs: !If [Prod, { Encrypted: true }, { Encrypted: false }] }, { DeviceName: /dev/sdb, VirtualName: ephemeral0 }]
`;
    expect(rule.check(inputFromText(text))).toEqual([]);
    expect(rule.check(input(undefined))).toEqual([]);
  });

  describe('CDK-synthesized', () => {
    const synthesized = synthOnce((stack, ids) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
      const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });
      const plain = new rds.DatabaseInstance(stack, 'Plain', { engine, vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });
      new rds.DatabaseInstance(stack, 'Encrypted', {
        engine,
        vpc,
        storageEncrypted: true,
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      });
      new efs.FileSystem(stack, 'Files', { vpc });
      new ec2.Volume(stack, 'Volume', { availabilityZone: 'us-east-1a', size: Size.gibibytes(10), encrypted: true });
      ids.plain = logicalId(plain);
    });

    it('non-compliant: a database instance left at the default; compliant: encrypted instance, EFS default, encrypted volume', () => {
      expect(rule.check(input(synthesized.template)).map((v) => v.resources)).toEqual([[synthesized.ids.plain]]);
    });
  });
});
