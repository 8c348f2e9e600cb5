/* Which resource types store data unencrypted unless the template asks for encryption, and how to read each one. */
import { asList, getPath } from '../../templates/query';
import type { CfnResource, CfnValue } from '../../templates/types';
import { isIntrinsic, isSet, settingOf } from './settings';

/** One place where a resource leaves data unencrypted: the property path, its value (absent when missing) and why. */
export interface UnencryptedSetting {
  path: string;
  value?: CfnValue;
  note: string;
}

/** How one resource type is read: what it is (a noun starting a sentence), and its unencrypted settings (empty when encrypted or undecidable). */
export interface AtRestEntry {
  what: string;
  unencrypted(resource: CfnResource): UnencryptedSetting[];
}

type Props = Readonly<Record<string, CfnValue>>;

/**
 * A boolean flag that must be true. `absentIsOff` says whether the service's default, when the flag is missing, is
 * unencrypted; a property in `inheritedFrom` (a snapshot, a source cluster) means the setting is inherited: no finding.
 */
function flag(path: string, absentIsOff: boolean, inheritedFrom: readonly string[] = []) {
  return (resource: CfnResource): UnencryptedSetting[] => {
    const props: Props = resource.Properties ?? {};
    if (inheritedFrom.some((key) => isSet(props[key]))) return [];
    if (behindIntrinsic(props, path)) return [];
    const value = getPath(props, path);
    const setting = settingOf(value);
    if (setting === false) return [{ path: `Properties.${path}`, value, note: 'encryption is turned off' }];
    if (setting === 'absent' && absentIsOff)
      return [{ path: `Properties.${path}`, note: 'not set, and the service does not encrypt by default' }];
    return [];
  };
}

/** Whether a parent object on `path` is an intrinsic (e.g. `EncryptionAtRestOptions: !If [...]`), so the flag cannot be read. */
function behindIntrinsic(props: Props, path: string): boolean {
  const keys = path.split('.');
  return keys.slice(0, -1).some((_, i) => isIntrinsic(getPath(props, keys.slice(0, i + 1).join('.'))));
}

/** A property that names a KMS key (or an encryption block) and whose absence means no encryption at all. */
function required(path: string, note: string) {
  return (resource: CfnResource): UnencryptedSetting[] =>
    getPath(resource.Properties ?? {}, path) === undefined ? [{ path: `Properties.${path}`, note }] : [];
}

/** EBS volumes of explicit block device mappings without `Encrypted: true` (volumes from a snapshot inherit its encryption). */
function blockDevices(listPath: string) {
  return (resource: CfnResource): UnencryptedSetting[] =>
    asList(getPath(resource.Properties ?? {}, listPath)).flatMap((mapping, i) => {
      const ebs = getPath(mapping, 'Ebs');
      if (!ebs || typeof ebs !== 'object' || Array.isArray(ebs) || isIntrinsic(ebs) || isSet(ebs.SnapshotId)) return [];
      const setting = settingOf(ebs.Encrypted);
      if (setting === true || setting === 'unknown') return [];
      const device = getPath(mapping, 'DeviceName');
      return [
        {
          path: `Properties.${listPath}.${i}.Ebs.Encrypted`,
          ...(setting === false ? { value: false } : {}),
          note: `the EBS volume${typeof device === 'string' ? ` ${device}` : ''} is ${setting === false ? 'explicitly unencrypted' : 'not marked Encrypted, so it follows the AMI snapshot and account default (unencrypted unless configured)'}`,
        },
      ];
    });
}

/** SQS encrypts with SSE-SQS unless that is turned off and no KMS key is given. */
function sqsQueue(resource: CfnResource): UnencryptedSetting[] {
  const props: Props = resource.Properties ?? {};
  if (props.KmsMasterKeyId !== undefined || settingOf(props.SqsManagedSseEnabled) !== false) return [];
  return [{ path: 'Properties.SqsManagedSseEnabled', value: props.SqsManagedSseEnabled, note: 'SSE-SQS turned off and no KmsMasterKeyId' }];
}

/** RDS instances of an Aurora cluster (or custom engines) take encryption from elsewhere. */
function rdsInstance(resource: CfnResource): UnencryptedSetting[] {
  const engine = resource.Properties?.Engine;
  if (typeof engine === 'string' && /^(aurora|custom-)/i.test(engine)) return [];
  return flag('StorageEncrypted', true, [
    'DBClusterIdentifier',
    'SourceDBInstanceIdentifier',
    'SourceDbiResourceId',
    'SourceDBInstanceAutomatedBackupsArn',
    'DBSnapshotIdentifier',
    'SourceDBClusterIdentifier',
  ])(resource);
}

/** Aurora Serverless v1 clusters are always encrypted; secondary clusters of a global cluster inherit it. */
function rdsCluster(resource: CfnResource): UnencryptedSetting[] {
  if (resource.Properties?.EngineMode === 'serverless') return [];
  return flag('StorageEncrypted', true, ['SourceDBClusterIdentifier', 'SnapshotIdentifier', 'GlobalClusterIdentifier'])(resource);
}

/**
 * The knowledge table: resource types whose data at rest is unencrypted by default (or when a flag is turned off).
 * Types encrypted by default whatever the template says (DynamoDB, S3 since 2023, ElastiCache Serverless) are absent;
 * Redshift (encrypted by default since 2025), Neptune and SQS count only when encryption is explicitly turned off.
 * SNS topics are absent: the AWS managed key would keep CloudWatch alarms and other services from publishing, so an
 * unencrypted alarm topic is often the right choice.
 */
export const ENCRYPTION_AT_REST: Readonly<Record<string, AtRestEntry>> = {
  'AWS::RDS::DBInstance': { what: 'RDS DB instance', unencrypted: rdsInstance },
  'AWS::RDS::DBCluster': { what: 'RDS DB cluster', unencrypted: rdsCluster },
  'AWS::DocDB::DBCluster': {
    what: 'DocumentDB cluster',
    unencrypted: flag('StorageEncrypted', true, ['SnapshotIdentifier', 'SourceDBClusterIdentifier']),
  },
  'AWS::Neptune::DBCluster': {
    what: 'Neptune cluster',
    unencrypted: flag('StorageEncrypted', false, ['SnapshotIdentifier', 'SourceDBClusterIdentifier']),
  },
  'AWS::Redshift::Cluster': { what: 'Redshift cluster', unencrypted: flag('Encrypted', false, ['SnapshotIdentifier']) },
  'AWS::EC2::Volume': { what: 'EBS volume', unencrypted: flag('Encrypted', true, ['SnapshotId']) },
  'AWS::EC2::Instance': { what: 'EC2 instance', unencrypted: blockDevices('BlockDeviceMappings') },
  'AWS::EC2::LaunchTemplate': { what: 'Launch template', unencrypted: blockDevices('LaunchTemplateData.BlockDeviceMappings') },
  'AWS::AutoScaling::LaunchConfiguration': { what: 'Launch configuration', unencrypted: blockDevices('BlockDeviceMappings') },
  'AWS::EFS::FileSystem': { what: 'EFS file system', unencrypted: flag('Encrypted', true) },
  'AWS::ElastiCache::ReplicationGroup': {
    what: 'ElastiCache replication group',
    unencrypted: flag('AtRestEncryptionEnabled', true, ['SnapshotArns', 'SnapshotName', 'GlobalReplicationGroupId']),
  },
  'AWS::OpenSearchService::Domain': { what: 'OpenSearch domain', unencrypted: flag('EncryptionAtRestOptions.Enabled', true) },
  'AWS::Elasticsearch::Domain': { what: 'Elasticsearch domain', unencrypted: flag('EncryptionAtRestOptions.Enabled', true) },
  'AWS::Kinesis::Stream': {
    what: 'Kinesis stream',
    unencrypted: required('StreamEncryption', 'no StreamEncryption: records are stored unencrypted'),
  },
  'AWS::SQS::Queue': { what: 'SQS queue', unencrypted: sqsQueue },
};
