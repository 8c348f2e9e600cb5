import { asList, getPath, refersTo, resourcesOfType } from '../../templates/query';
import type { CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { actionMatches } from '../util/iam';

const SSE_KEY = 's3:x-amz-server-side-encryption';

/** Every bucket needs a bucket policy that denies `s3:PutObject` without (or with the wrong) server-side encryption. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const policies = resourcesOfType(template, 'AWS::S3::BucketPolicy');
  const violations: Violation[] = [];
  for (const [bucketId, bucket] of resourcesOfType(template, 'AWS::S3::Bucket')) {
    const name = bucket.Properties?.BucketName;
    const own = policies.filter(
      ([, { Properties: p }]) => refersTo(p?.Bucket, bucketId) || (typeof name === 'string' && p?.Bucket === name),
    );
    const enforced = own.some(([, policy]) => asList(getPath(policy, 'Properties.PolicyDocument.Statement')).some(deniesUnencryptedPut));
    if (enforced) continue;
    const evidence: Evidence[] = own.length
      ? own.map(([id, policy]) => ({
          resource: id,
          path: 'Properties.PolicyDocument',
          value: policy.Properties?.PolicyDocument,
          note: `no Deny statement for s3:PutObject conditioned on ${SSE_KEY}`,
        }))
      : [{ resource: bucketId, note: 'no AWS::S3::BucketPolicy references this bucket' }];
    violations.push({
      message: own.length
        ? `Bucket ${bucketId}'s policy ${own.map(([id]) => id).join(', ')} does not deny s3:PutObject requests without server-side encryption.`
        : `Bucket ${bucketId} has no bucket policy denying s3:PutObject requests without server-side encryption.`,
      resources: [bucketId, ...own.map(([id]) => id)],
      evidence,
    });
  }
  return violations;
}

export const rule: Rule = { id: 's3-encryption-enforced', check };

/** Whether a statement denies s3:PutObject when the SSE header is missing (`Null`) or not the expected value (`StringNotEquals`). */
function deniesUnencryptedPut(statement: CfnValue): boolean {
  if (!isObject(statement) || statement.Effect !== 'Deny') return false;
  if (!asList(statement.Action).some((action) => typeof action === 'string' && actionMatches('s3:PutObject', action))) return false;
  if (!isObject(statement.Condition)) return false;
  return Object.entries(statement.Condition).some(([operator, body]) => {
    const op = operator.toLowerCase();
    const value = isObject(body) ? Object.entries(body).find(([key]) => key.toLowerCase() === SSE_KEY)?.[1] : undefined;
    if (value === undefined) return false;
    if (op === 'null') return asList(value).some((v) => v === true || String(v).toLowerCase() === 'true');
    return op === 'stringnotequals' || op === 'stringnotequalsifexists';
  });
}

/** Whether a template value is a plain object. */
function isObject(value: CfnValue | undefined): value is { [key: string]: CfnValue } {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}
