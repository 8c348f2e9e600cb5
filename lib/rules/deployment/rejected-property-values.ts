import { getPath, referencedOfType, resourcesOfType } from '../../templates/query';
import type { CfnResource, CfnTemplate, CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { literalNumber } from '../util/cfn';
import { valuesAt } from '../util/paths';

/** One limit a service enforces when the resource is created: the evidence of each breach in a resource of `type`. */
interface Limit {
  type: string;
  breaches(resource: CfnResource, template: CfnTemplate): Omit<Evidence, 'resource'>[];
}

/** A numeric property above `max`. */
const atMost = (type: string, path: string, max: number, what: string): Limit => ({
  type,
  breaches: (resource) =>
    valuesAt(resource.Properties, path, 'Properties').flatMap(({ path: at, value }) => {
      const n = literalNumber(value);
      return n !== undefined && n > max ? [{ path: at, value, note: `${what} is at most ${max}` }] : [];
    }),
});

/** API Gateway method settings whose ResourcePath has a raw slash after its first character: inner slashes must be written `~1`. */
function methodSettingPaths(type: string, path: string): Limit {
  return {
    type,
    breaches: (resource) =>
      valuesAt(resource.Properties, path, 'Properties').flatMap(({ path: at, value }) =>
        typeof value === 'string' && value.startsWith('/') && value.slice(1).includes('/')
          ? [{ path: at, value, note: 'a method setting path encodes inner slashes as ~1 (use /* for every resource)' }]
          : [],
      ),
  };
}

/** Limits that cfn-lint 1.58 does not check (each verified against it): values and combinations the service rejects. */
const LIMITS: readonly Limit[] = [
  atMost('AWS::Lambda::Function', 'MemorySize', 10240, 'Lambda memory (MB)'),
  atMost('AWS::Lambda::Function', 'EphemeralStorage.Size', 10240, 'Lambda ephemeral storage (MB)'),
  atMost('AWS::ApiGateway::Stage', 'MethodSettings.*.CacheTtlInSeconds', 3600, 'API Gateway cache TTL (seconds)'),
  atMost('AWS::ApiGateway::Deployment', 'StageDescription.MethodSettings.*.CacheTtlInSeconds', 3600, 'API Gateway cache TTL (seconds)'),
  atMost('AWS::ApiGateway::Deployment', 'StageDescription.CacheTtlInSeconds', 3600, 'API Gateway cache TTL (seconds)'),
  methodSettingPaths('AWS::ApiGateway::Stage', 'MethodSettings.*.ResourcePath'),
  methodSettingPaths('AWS::ApiGateway::Deployment', 'StageDescription.MethodSettings.*.ResourcePath'),
  {
    type: 'AWS::AutoScaling::AutoScalingGroup',
    breaches: ({ Properties: p = {} }) => {
      const [min, max, desired] = [literalNumber(p.MinSize), literalNumber(p.MaxSize), literalNumber(p.DesiredCapacity)];
      if (desired === undefined || ((min === undefined || desired >= min) && (max === undefined || desired <= max))) return [];
      return [
        {
          path: 'Properties.DesiredCapacity',
          value: p.DesiredCapacity,
          note: `desired capacity must lie between MinSize ${String(p.MinSize)} and MaxSize ${String(p.MaxSize)}`,
        },
      ];
    },
  },
  {
    type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
    breaches: ({ Properties: p = {} }) => {
      const [timeout, interval] = [literalNumber(p.HealthCheckTimeoutSeconds), literalNumber(p.HealthCheckIntervalSeconds)];
      return timeout !== undefined && interval !== undefined && timeout >= interval
        ? [
            {
              path: 'Properties.HealthCheckTimeoutSeconds',
              value: timeout,
              note: `the health check timeout must be smaller than the interval (${interval})`,
            },
          ]
        : [];
    },
  },
  {
    type: 'AWS::Lambda::EventSourceMapping',
    breaches: ({ Properties: p = {} }, template) => {
      const batch = literalNumber(p.BatchSize);
      const window = literalNumber(p.MaximumBatchingWindowInSeconds);
      if (
        batch === undefined ||
        batch <= 10 ||
        (window ?? 0) > 0 ||
        (p.MaximumBatchingWindowInSeconds !== undefined && window === undefined)
      )
        return [];
      if (!fromSqs(template, p.EventSourceArn)) return [];
      return [{ path: 'Properties.BatchSize', value: batch, note: 'an SQS batch above 10 needs MaximumBatchingWindowInSeconds above 0' }];
    },
  },
  {
    type: 'AWS::ElastiCache::ReplicationGroup',
    breaches: ({ Properties: p = {} }) => {
      const failover = p.AutomaticFailoverEnabled === true || p.AutomaticFailoverEnabled === 'true';
      const nodes = literalNumber(p.NumCacheClusters);
      return failover && nodes !== undefined && nodes < 2
        ? [
            {
              path: 'Properties.NumCacheClusters',
              value: p.NumCacheClusters,
              note: 'automatic failover needs at least 2 cache clusters (a primary and a replica)',
            },
          ]
        : [];
    },
  },
  {
    type: 'AWS::RDS::DBInstance',
    breaches: ({ Properties: p = {} }) => {
      const storage = literalNumber(p.AllocatedStorage);
      const generalPurpose = p.StorageType === undefined || p.StorageType === 'gp2' || p.StorageType === 'gp3';
      const engine = typeof p.Engine === 'string' ? p.Engine.toLowerCase() : '';
      return storage !== undefined && storage < 20 && generalPurpose && ['mysql', 'mariadb', 'postgres'].includes(engine)
        ? [
            {
              path: 'Properties.AllocatedStorage',
              value: p.AllocatedStorage,
              note: `${engine} on general purpose storage needs at least 20 GiB`,
            },
          ]
        : [];
    },
  },
];

/** Property values and combinations the service rejects at deploy time that the schema alone does not catch. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const [id, resource] of resourcesOfType(template)) {
    const breaches = LIMITS.filter((limit) => limit.type === resource.Type).flatMap((limit) => limit.breaches(resource, template));
    if (breaches.length === 0) continue;
    violations.push({
      message: `${id} (${resource.Type}) has a value the service rejects: ${breaches.map((b) => `${b.path} = ${JSON.stringify(b.value)} (${b.note})`).join('; ')}.`,
      resources: [id],
      evidence: breaches.map((breach) => ({ resource: id, ...breach })),
    });
  }
  return violations;
}

export const rule: Rule = { id: 'rejected-property-values', check };

/** Whether an event source ARN is an SQS queue: a queue of the template, or a literal `arn:...:sqs:` ARN. */
function fromSqs(template: CfnTemplate, arn: CfnValue | undefined): boolean {
  if (typeof arn === 'string') return /^arn:[^:]+:sqs:/.test(arn);
  return referencedOfType(template, arn, 'AWS::SQS::Queue').length > 0 || /:sqs:/.test(String(getPath(arn, 'Fn::Sub') ?? ''));
}
