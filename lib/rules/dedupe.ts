import { baseNagRuleId, nagRuleTopic } from './cdk-nag/mapping';
import { VALIDATE_RULE_PREFIX } from './cfn-validate/map';
import type { Finding, FindingSource } from './finding';
import { SEVERITIES } from './types';

/**
 * Which rules of different sources report the same problem. Keys are problem names; members are seed rule ids,
 * `cfn-validate/<id>` ids, and cdk-nag rule *topics* (the rule a pack applies: `S3BucketSSLRequestsOnly` covers
 * AwsSolutions-S10 and the HIPAA, NIST and PCI variants alike). Rules not listed here are their own problem, except that
 * cdk-nag rules with the same topic in different packs are always one problem.
 */
export const EQUIVALENT_RULES: Readonly<Record<string, readonly string[]>> = {
  's3-encryption-at-rest': ['s3-encryption-enforced', 'S3DefaultEncryptionKMS'],
  's3-ssl-only': ['S3BucketSSLRequestsOnly'],
  'iam-broad-permissions': [
    'iam-least-privilege',
    'iam-wildcard-arns',
    'cfn-validate/W2512',
    'IAMNoWildcardPermissions',
    'IAMPolicyNoStatementsWithFullAccess',
  ],
  'iam-managed-policies': ['IAMNoManagedPolicies'],
  'lambda-dead-letter-queue': ['lambda-dead-letter-queue', 'LambdaDLQ'],
  'lambda-in-vpc': ['lambda-private-subnets', 'LambdaInsideVPC'],
  'api-caching': ['api-caching', 'APIGWCacheEnabledAndEncrypted'],
  'api-access-logging': ['APIGWAccessLogging'],
  'api-execution-logging': ['APIGWExecutionLoggingEnabled'],
  'hardcoded-availability-zones': ['hardcoded-availability-zones', 'cfn-validate/W3010'],
  'hardcoded-secrets': ['hardcoded-secrets', 'cfn-lint/W2501'],
  'hardcoded-partition': ['hardcoded-partition', 'cfn-lint/I3042'],
  'iam-principals': ['iam-principals', 'cfn-lint/E3530'],
  'log-retention': ['cfn-validate/I3013', 'CloudWatchLogGroupRetentionPeriod'],
  'lambda-tracing': ['LambdaTracing', 'LambdaXrayEnabled'],
  'admin-ports-open-to-internet': [
    'security-group-open-admin-ports',
    'EC2RestrictedSSH',
    'EC2RestrictedCommonPorts',
    'EC2RestrictedInbound',
  ],
  'stateful-retention-policy': ['stateful-resource-retention', 'cfn-lint/I3011'],
  'data-backups': ['data-backups-disabled', 'DynamoDBPITREnabled', 'RDSInstanceBackupEnabled', 'RedshiftBackupEnabled'],
  'deletion-protection': ['deletion-protection-disabled', 'RDSInstanceDeletionProtectionEnabled'],
  'encryption-at-rest': [
    'encryption-at-rest',
    'cfn-validate/W9008',
    'RDSStorageEncrypted',
    'EC2EBSVolumeEncrypted',
    'EFSEncrypted',
    'ElastiCacheRedisClusterEncryption',
    'OpenSearchEncryptedAtRest',
    'KinesisDataStreamSSE',
    'DocumentDBClusterEncryptionAtRest',
    'NeptuneClusterEncryptionAtRest',
    'RedshiftClusterEncryptionAtRest',
  ],
  's3-public-access-block': [
    's3-public-access-block',
    'S3BucketLevelPublicAccessProhibited',
    'S3BucketPublicReadProhibited',
    'S3BucketPublicWriteProhibited',
  ],
  'imdsv2-required': ['imdsv2-required', 'EC2IMDSv2Enabled'],
  'alb-https': ['alb-https-listener', 'ALBHttpToHttpsRedirection'],
  'database-public-access': ['rds-public-access', 'cfn-validate/W9011', 'RDSInstancePublicAccess'],
  'database-multi-az': ['rds-multi-az', 'RDSMultiAZSupport'],
  'customer-key-not-applied': ['customer-key-not-applied', 'CloudWatchLogGroupEncrypted'],
  'kms-key-rotation': ['kms-key-rotation', 'KMSBackingKeyRotationEnabled'],
};

const PROBLEM_OF = new Map(Object.entries(EQUIVALENT_RULES).flatMap(([problem, members]) => members.map((m) => [m, problem] as const)));

/** The problem a rule id reports: its EQUIVALENT_RULES key, else `nag:<topic>` for cdk-nag rules, else the id itself. */
export function problemOf(finding: Pick<Finding, 'rule' | 'source'>): string {
  if (finding.source === 'cdk-nag') {
    const topic = nagRuleTopic(baseNagRuleId(finding.rule));
    return PROBLEM_OF.get(topic) ?? `nag:${topic}`;
  }
  return PROBLEM_OF.get(finding.rule) ?? (finding.rule.startsWith(VALIDATE_RULE_PREFIX) ? finding.rule : `seed:${finding.rule}`);
}

/**
 * One finding per problem per resource: findings about the same problem (problemOf) that share a resource merge into
 * the first of them, which lists every source (`sources`) and rule id (`rules`) and takes the most severe severity.
 * Findings without resources (source-level) and acknowledged findings are never merged into an unacknowledged one or
 * the other way round, so no acknowledgement is lost or silently extended. The input is not mutated; order is kept.
 */
export function dedupeFindings<T extends Finding>(findings: readonly T[]): T[] {
  const kept: T[] = [];
  const byKey = new Map<string, T[]>();
  for (const finding of findings) {
    const key = `${problemOf(finding)}\u0000${finding.acknowledged ? 'ack' : 'open'}`;
    const candidates = finding.resources.length ? (byKey.get(key) ?? []) : [];
    const target = candidates.find((c) => c.resources.some((r) => finding.resources.includes(r)));
    if (target) {
      merge(target, finding);
      continue;
    }
    const copy: T = { ...finding, sources: [...(finding.sources ?? [finding.source])], rules: [...(finding.rules ?? [finding.rule])] };
    kept.push(copy);
    if (finding.resources.length) byKey.set(key, [...candidates, copy]);
  }
  return kept;
}

/** Adds `other`'s sources, rule ids, resources and evidence to `target` (a private copy) and keeps the worse severity. */
function merge(target: Finding, other: Finding): void {
  const sources = new Set<FindingSource>([...(target.sources ?? []), ...(other.sources ?? [other.source])]);
  target.sources = [...sources];
  target.rules = [...new Set([...(target.rules ?? []), ...(other.rules ?? [other.rule])])];
  target.resources = [...new Set([...target.resources, ...other.resources])];
  if (SEVERITIES.indexOf(other.severity) < SEVERITIES.indexOf(target.severity)) target.severity = other.severity;
  if (other.evidence?.length) target.evidence = [...(target.evidence ?? []), ...other.evidence];
  if (!target.location && other.location) target.location = other.location;
}
