import type { Category, Severity } from '../types';
import { AWS_SOLUTIONS_TOPICS } from './aws-solutions-topics';
import { RULE_PACKS, packOfRule } from './packs';

/**
 * The one table that places cdk-nag rules in the five categories, by the name of the rule they apply (e.g.
 * `LambdaDLQ`, `S3BucketLoggingEnabled`; AwsSolutions codes are resolved to that name first). The first matching
 * row wins. Default (no row matches): `security`, since every pack is a security and compliance pack.
 */
export const NAG_CATEGORY_TABLE: readonly { pattern: RegExp; category: Category; why: string }[] = [
  {
    pattern: /Logging|Logs|LogExports|FlowLogs|Xray|Tracing|Monitoring|ContainerInsights|MetricPolicy|Notifications|AuditLog/i,
    category: 'observability',
    why: 'logs, traces, metrics and notifications',
  },
  {
    pattern: /Concurrency|Cache(?!.*Encrypt)|Throttling|Throttle|CrossZone|DedicatedMaster|Checkpointing|ConnectionDraining/i,
    category: 'performance',
    why: 'capacity, caching and throttling',
  },
  {
    pattern:
      /DLQ|Backup|PITR|Replication|MultiAZ|ZoneAwareness|DeletionProtection|TerminationProtection|LatestVersion|VersionUpgrade|ManagedUpdates|Versioning|Backtrack|Lifecycle|Cooldown|HealthCheck|RetentionPeriod|ManagedImages|MinorVersion/i,
    category: 'deployment',
    why: 'resilience, recovery and lifecycle of what is deployed',
  },
];

/** Default category of a cdk-nag rule that no table row matches. */
export const NAG_DEFAULT_CATEGORY: Category = 'security';

/** cdk-nag's levels to our severities; any other level (e.g. an informational one) is `info`. */
const LEVEL_TO_SEVERITY: Readonly<Record<string, Severity>> = { error: 'error', warning: 'warning', warn: 'warning' };

/** `AwsSolutions-IAM5[Action::s3:*]` → `AwsSolutions-IAM5`: the rule id without cdk-nag's finding suffix. */
export function baseNagRuleId(ruleId: string): string {
  const bracket = ruleId.indexOf('[');
  return bracket === -1 ? ruleId : ruleId.slice(0, bracket);
}

/** The name of the rule a cdk-nag rule id applies (`AwsSolutions-S10` → `S3BucketSSLRequestsOnly`, `HIPAA.Security-LambdaDLQ` → `LambdaDLQ`). */
export function nagRuleTopic(ruleId: string): string {
  const base = baseNagRuleId(ruleId);
  const pack = packOfRule(base);
  const suffix = pack ? base.slice(RULE_PACKS[pack].prefix.length + 1) : base;
  if (pack === 'aws-solutions') return AWS_SOLUTIONS_TOPICS[suffix] ?? suffix;
  return suffix;
}

/** The category of a cdk-nag rule: the first NAG_CATEGORY_TABLE row matching its topic, else NAG_DEFAULT_CATEGORY. */
export function nagCategory(ruleId: string): Category {
  const topic = nagRuleTopic(ruleId);
  return NAG_CATEGORY_TABLE.find((row) => row.pattern.test(topic))?.category ?? NAG_DEFAULT_CATEGORY;
}

/** Our severity for a cdk-nag level (`error`, `warning`; anything else is `info`). */
export function nagSeverity(level: string | undefined): Severity {
  return LEVEL_TO_SEVERITY[(level ?? '').toLowerCase()] ?? 'info';
}
