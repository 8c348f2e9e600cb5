/* The bucket policies that govern a bucket, and reading their conditions. */
import { asList, getPath, refersTo, resourcesOfType } from '../../templates/query';
import type { CfnResource, CfnTemplate, CfnValue } from '../../templates/types';
import type { Evidence, Violation } from '../types';

/** A bucket policy resource with its logical id and statements. */
interface BucketPolicy {
  id: string;
  policy: CfnResource;
  statements: CfnValue[];
}

/** The AWS::S3::BucketPolicy resources of a template, to pass to {@link bucketPoliciesOf}. */
function bucketPolicies(template: CfnTemplate): [string, CfnResource][] {
  return resourcesOfType(template, 'AWS::S3::BucketPolicy');
}

/** Those of `policies` attached to a bucket, by reference or by its literal BucketName. */
function bucketPoliciesOf(policies: readonly [string, CfnResource][], bucketId: string, bucket: CfnResource): BucketPolicy[] {
  const name = bucket.Properties?.BucketName;
  return policies
    .filter(([, { Properties: p }]) => refersTo(p?.Bucket, bucketId) || (typeof name === 'string' && p?.Bucket === name))
    .map(([id, policy]) => ({ id, policy, statements: asList(getPath(policy, 'Properties.PolicyDocument.Statement')) }));
}

/** The value a statement's condition gives a key under an operator matching `operator`, keys compared case-insensitively. */
export function conditionValues(statement: CfnValue, key: string): { operator: string; value: CfnValue }[] {
  if (!isObject(statement) || !isObject(statement.Condition)) return [];
  return Object.entries(statement.Condition).flatMap(([operator, body]) => {
    const entry = isObject(body) ? Object.entries(body).find(([k]) => k.toLowerCase() === key.toLowerCase()) : undefined;
    return entry ? [{ operator: operator.toLowerCase(), value: entry[1] }] : [];
  });
}

/** Whether a template value is a plain object. */
export function isObject(value: CfnValue | undefined): value is { [key: string]: CfnValue } {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** What a bucket policy must deny, for {@link bucketsNotDenying}. */
export interface RequiredDeny {
  /** Whether a statement is the required Deny. */
  accepts: (statement: CfnValue) => boolean;
  /** What the policy does not deny, completing "does not deny ..." (e.g. `requests made without TLS`). */
  requests: string;
  /** Evidence note on a bucket policy that lacks the statement. */
  note: string;
  /** Buckets the requirement does not apply to. */
  exempt?: (bucket: CfnResource) => boolean;
}

/** One violation per bucket (not exempt) none of whose bucket policies has a statement `accepts` approves. */
export function bucketsNotDenying(template: CfnTemplate, required: RequiredDeny): Violation[] {
  const policies = bucketPolicies(template);
  const violations: Violation[] = [];
  for (const [bucketId, bucket] of resourcesOfType(template, 'AWS::S3::Bucket')) {
    if (required.exempt?.(bucket)) continue;
    const own = bucketPoliciesOf(policies, bucketId, bucket);
    if (own.some(({ statements }) => statements.some(required.accepts))) continue;
    const evidence: Evidence[] = own.length
      ? own.map(({ id, policy }) => ({
          resource: id,
          path: 'Properties.PolicyDocument',
          value: policy.Properties?.PolicyDocument,
          note: required.note,
        }))
      : [{ resource: bucketId, note: 'no AWS::S3::BucketPolicy references this bucket' }];
    violations.push({
      message: own.length
        ? `Bucket ${bucketId}'s policy ${own.map(({ id }) => id).join(', ')} does not deny ${required.requests}.`
        : `Bucket ${bucketId} has no bucket policy denying ${required.requests}.`,
      resources: [bucketId, ...own.map(({ id }) => id)],
      evidence,
    });
  }
  return violations;
}
