import { baseNagRuleId, nagRuleTopic } from './cdk-nag/mapping';
import { CFN_LINT_RULE_PREFIX, cfnLintRuleOf } from './cfn-lint/map';
import { VALIDATE_RULE_PREFIX } from './cfn-validate/map';
import type { Finding, FindingSource } from './finding';
import { SEVERITIES } from './types';

/**
 * Which rules of different sources report the same problem. Keys are problem names; members are seed rule ids,
 * `cfn-validate/<id>` or `cfn-lint/<id>` ids (either stands for both: cfn-lint and cloudformation-validate reporting the
 * same cfn-lint rule are always one problem, see cfnLintRuleOf), and cdk-nag rule *topics* (the rule a pack applies:
 * `S3BucketSSLRequestsOnly` covers AwsSolutions-S10 and the HIPAA, NIST and PCI variants alike). Rules not listed here
 * are their own problem, except that cdk-nag rules with the same topic in different packs are always one problem.
 */
export const EQUIVALENT_RULES: Readonly<Record<string, readonly string[]>> = {
  's3-encryption-at-rest': ['s3-encryption-enforced', 'S3DefaultEncryptionKMS'],
  's3-ssl-only': ['s3-tls-only', 'S3BucketSSLRequestsOnly'],
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
  'vpc-flow-logs': ['vpc-flow-logs', 'VPCFlowLogsEnabled'],
  'sns-topic-encryption': ['sns-topic-encryption', 'SNSEncryptedKMS'],
};

const PROBLEM_OF = new Map(Object.entries(EQUIVALENT_RULES).flatMap(([problem, members]) => members.map((m) => [m, problem] as const)));

/**
 * The problem a rule id reports: its EQUIVALENT_RULES key, else `nag:<topic>` for cdk-nag rules, `cfn-lint:<id>` for
 * the cfn-lint rule a cfn-lint or cloudformation-validate finding reports, else `seed:<id>`.
 */
export function problemOf(finding: Pick<Finding, 'rule' | 'source'>): string {
  if (finding.source === 'cdk-nag') {
    const topic = nagRuleTopic(baseNagRuleId(finding.rule));
    return PROBLEM_OF.get(topic) ?? `nag:${topic}`;
  }
  const lintRule = cfnLintRuleOf(finding.rule);
  if (!lintRule) return PROBLEM_OF.get(finding.rule) ?? `seed:${finding.rule}`;
  return (
    PROBLEM_OF.get(finding.rule) ??
    PROBLEM_OF.get(`${CFN_LINT_RULE_PREFIX}${lintRule}`) ??
    PROBLEM_OF.get(`${VALIDATE_RULE_PREFIX}${lintRule}`) ??
    `cfn-lint:${lintRule}`
  );
}

/**
 * One finding per problem per place: findings about the same problem (problemOf) that share a resource merge into
 * the first of them, which lists every source (`sources`) and rule id (`rules`) and takes the most severe severity.
 * Two linter diagnostics (cfn-lint, cloudformation-validate) must also point at the same spot (samePlace): two E3012
 * on different properties of one resource stay two findings. Findings without resources merge only when both are
 * linter diagnostics at the same template path (an output, a parameter); other source-level findings never merge.
 * Acknowledged findings are never merged into an unacknowledged one or the other way round, so no acknowledgement is
 * lost or silently extended. The input is not mutated; order is kept.
 */
export function dedupeFindings<T extends Finding>(findings: readonly T[]): T[] {
  const kept: T[] = [];
  const byKey = new Map<string, ProblemCandidates<T>>();
  for (const finding of findings) {
    const key = `${problemOf(finding)}\u0000${finding.acknowledged ? 'ack' : 'open'}`;
    let candidates = byKey.get(key);
    if (!candidates) byKey.set(key, (candidates = new ProblemCandidates<T>()));
    const target = candidates.first(finding);
    if (target) {
      merge(target, finding);
      candidates.reindex(target);
      continue;
    }
    const copy: T = { ...finding, sources: [...(finding.sources ?? [finding.source])], rules: [...(finding.rules ?? [finding.rule])] };
    kept.push(copy);
    candidates.add(copy);
  }
  return kept;
}

/**
 * The kept findings of one problem, indexed by resource: samePlace needs a shared resource (or none on both sides), so
 * only those are compared, not every finding of the problem (thousands on a template of thousands of resources).
 */
class ProblemCandidates<T extends Finding> {
  private readonly order = new Map<T, number>();
  private readonly byResource = new Map<string, T[]>();
  private readonly withoutResources: T[] = [];

  /** The earliest kept finding at the same place as `finding` (samePlace), as a scan of all of them in order would find. */
  first(finding: T): T | undefined {
    const pool = finding.resources.length ? new Set(finding.resources.flatMap((r) => this.byResource.get(r) ?? [])) : this.withoutResources;
    let best: T | undefined;
    for (const candidate of pool) {
      if ((!best || this.order.get(candidate)! < this.order.get(best)!) && samePlace(candidate, finding)) best = candidate;
    }
    return best;
  }

  add(finding: T): void {
    this.order.set(finding, this.order.size);
    if (finding.resources.length === 0) this.withoutResources.push(finding);
    this.reindex(finding);
  }

  /** Indexes a kept finding under every resource it has now (a merge may have added some). */
  reindex(finding: T): void {
    for (const resource of finding.resources) {
      const list = this.byResource.get(resource);
      if (!list) this.byResource.set(resource, [finding]);
      else if (!list.includes(finding)) list.push(finding);
    }
  }
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

/** Where a linter diagnostic points inside its resource (or the template): its property path, else its line. */
function spotOf(finding: Finding): { path?: string; line?: number } | undefined {
  if (!cfnLintRuleOf(finding.rule)) return undefined;
  // cloudformation-validate writes paths outside resources with slashes (`Outputs/Out/Value.Fn::GetAtt.1`).
  return { path: finding.evidence?.[0]?.path?.replaceAll('/', '.'), line: finding.location?.line };
}

/**
 * Whether two findings about one problem are about the same place: a shared resource, and for two linter diagnostics
 * the same spot. Without resources, only two linter diagnostics at the same template path are.
 */
function samePlace(a: Finding, b: Finding): boolean {
  const [x, y] = [spotOf(a), spotOf(b)];
  if (!a.resources.length || !b.resources.length) {
    return !a.resources.length && !b.resources.length && x?.path !== undefined && y?.path !== undefined && samePath(x.path, y.path);
  }
  if (!a.resources.some((r) => b.resources.includes(r))) return false;
  if (!x || !y) return true;
  if (x.path !== undefined && y.path !== undefined) return samePath(x.path, y.path);
  // A diagnostic without a path is about its whole resource (the validator's unknown type); two such are told apart by line.
  if (x.path !== undefined || y.path !== undefined) return true;
  return x.line === undefined || y.line === undefined || x.line === y.line;
}

/** Equal paths, or one inside the other: the validator points at `DependsOn` where cfn-lint points at `DependsOn.1`. */
function samePath(p: string, q: string): boolean {
  return p === q || p.startsWith(`${q}.`) || q.startsWith(`${p}.`);
}
