import { asList, getPath, refersTo, resourcesOfType } from '../../templates/query';
import type { CfnTemplate, CfnValue } from '../../templates/types';
import type { Rule, RuleInput, Violation } from '../types';
import { allowsAction } from '../util/iam';
import { isIntrinsic, isSet, settingOf } from '../util/settings';

const BLOCK_SETTINGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'] as const;

/** Every bucket that is not public on purpose (a website, a policy granting anyone s3:GetObject) must block public access with all four settings of its PublicAccessBlockConfiguration. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const [id, bucket] of resourcesOfType(template, 'AWS::S3::Bucket')) {
    const props = bucket.Properties ?? {};
    // A website or public-read bucket is public on purpose; whether it should be is another question than a missing block.
    if (isSet(props.WebsiteConfiguration) || grantsPublicRead(template, id)) continue;
    const config = props.PublicAccessBlockConfiguration;
    if (config === undefined) {
      violations.push({
        message: `Bucket ${id} has no PublicAccessBlockConfiguration: nothing in the stack blocks public ACLs and policies.`,
        resources: [id],
        evidence: [{ resource: id, path: 'Properties.PublicAccessBlockConfiguration', note: 'missing' }],
      });
      continue;
    }
    if (isIntrinsic(config)) continue;
    const open = BLOCK_SETTINGS.filter((key) => isOpen(getPath(config, key)));
    if (open.length === 0) continue;
    violations.push({
      message: `Bucket ${id}'s PublicAccessBlockConfiguration leaves ${open.join(', ')} off.`,
      resources: [id],
      evidence: open.map((key) => ({
        resource: id,
        path: `Properties.PublicAccessBlockConfiguration.${key}`,
        ...(getPath(config, key) === undefined ? { note: 'not set (false)' } : { value: getPath(config, key), note: 'false' }),
      })),
    });
  }
  return violations;
}

export const rule: Rule = { id: 's3-public-access-block', check };

/** Whether a block setting is off: false, or missing (the property's default is false); intrinsics are not judged. */
function isOpen(value: CfnValue | undefined): boolean {
  const setting = settingOf(value);
  return setting === false || setting === 'absent';
}

/** Whether a bucket policy of the bucket allows anyone (`Principal: "*"`) to read objects without a condition. */
function grantsPublicRead(template: CfnTemplate, bucketId: string): boolean {
  return resourcesOfType(template, 'AWS::S3::BucketPolicy')
    .filter(([, policy]) => refersTo(policy.Properties?.Bucket, bucketId))
    .flatMap(([, policy]) => asList(getPath(policy, 'Properties.PolicyDocument.Statement')))
    .some((statement) => {
      if (!statement || typeof statement !== 'object' || Array.isArray(statement) || statement.Condition !== undefined) return false;
      const principal = statement.Principal;
      const anyone = principal === '*' || asList(getPath(principal, 'AWS')).includes('*');
      return anyone && allowsAction(statement, 's3:GetObject');
    });
}
