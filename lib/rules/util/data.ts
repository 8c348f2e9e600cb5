/* Which resources hold data that matters, and how a template says it keeps them. */
import type { CfnResource } from '../../templates/types';

/** Resource types whose loss loses data: databases, tables, buckets, file systems, search domains, warehouses, volumes, ledgers. */
export const STATEFUL_TYPES: ReadonlySet<string> = new Set([
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::DocDB::DBCluster',
  'AWS::Neptune::DBCluster',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::S3::Bucket',
  'AWS::EFS::FileSystem',
  'AWS::FSx::FileSystem',
  'AWS::OpenSearchService::Domain',
  'AWS::Elasticsearch::Domain',
  'AWS::Redshift::Cluster',
  'AWS::EC2::Volume',
  'AWS::QLDB::Ledger',
]);

/** Whether a resource holds data of its own: a stateful type, except database instances that are cluster members or read replicas (the data is the cluster's or the source's). */
export function holdsData(resource: CfnResource): boolean {
  if (!STATEFUL_TYPES.has(resource.Type)) return false;
  if (resource.Type !== 'AWS::RDS::DBInstance') return true;
  const props = resource.Properties ?? {};
  return (
    props.DBClusterIdentifier === undefined &&
    props.SourceDBInstanceIdentifier === undefined &&
    props.SourceDBClusterIdentifier === undefined
  );
}

/** Whether the template says to keep the resource when the stack deletes it: DeletionPolicy Retain or RetainExceptOnCreate. */
export function meantToBeKept(resource: CfnResource): boolean {
  return resource.DeletionPolicy === 'Retain' || resource.DeletionPolicy === 'RetainExceptOnCreate';
}
