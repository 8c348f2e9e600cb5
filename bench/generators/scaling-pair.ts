/* Pairs of templates of a given size for the scaling benchmark: what a review of a very large answer compares. */
import type { CfnResource, CfnTemplate } from '../../lib/templates/types';

/** `count` buckets `Bucket0..`, each with a name and versioning; `suspended(i)` turns versioning of bucket i off. */
export function bucketTemplate(count: number, suspended: (i: number) => boolean = () => false): CfnTemplate {
  const resources: Record<string, CfnResource> = {};
  for (let i = 0; i < count; i++) {
    resources[`Bucket${i}`] = {
      Type: 'AWS::S3::Bucket',
      Properties: { BucketName: `bucket-${i}`, VersioningConfiguration: { Status: suspended(i) ? 'Suspended' : 'Enabled' } },
    };
  }
  return { Resources: resources };
}

/** A reference of `count` buckets against a model of one queue: every bucket removed, the shape of the reported stall. */
export function bucketsAgainstQueue(count: number): { reference: CfnTemplate; model: CfnTemplate } {
  return { reference: bucketTemplate(count), model: { Resources: { Queue: { Type: 'AWS::SQS::Queue' } } } };
}

/** A reference of `count` buckets against a model that drops the last 1% and suspends versioning on every 50th. */
export function bucketsWithChanges(count: number): { reference: CfnTemplate; model: CfnTemplate } {
  return { reference: bucketTemplate(count), model: bucketTemplate(Math.round(count * 0.99), (i) => i % 50 === 0) };
}
