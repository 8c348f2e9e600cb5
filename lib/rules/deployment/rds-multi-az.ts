import { asList, getPath, referencedOfType, resourcesOfType } from '../../templates/query';
import type { CfnTemplate, CfnValue } from '../../templates/types';
import type { Rule, RuleInput, Violation } from '../types';
import { availabilityZoneKey } from '../util/network';
import { settingOf } from '../util/settings';

/** Where a stack spreads itself over zones: the subnets of load balancers, Auto Scaling groups and NAT gateways. */
const SPREAD_SUBNETS: readonly [type: string, path: string][] = [
  ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'Properties.Subnets'],
  ['AWS::AutoScaling::AutoScalingGroup', 'Properties.VPCZoneIdentifier'],
  ['AWS::EC2::NatGateway', 'Properties.SubnetId'],
];

/** Engines without Multi-AZ instances (SQL Server Express and Web editions). */
const SINGLE_AZ_ENGINES = /^sqlserver-(ex|web)$/i;

/** A standalone RDS instance must be Multi-AZ when the rest of the stack is spread over several availability zones. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const candidates = resourcesOfType(template, 'AWS::RDS::DBInstance').filter(([, db]) => isSingleAzInstance(db.Properties ?? {}));
  if (candidates.length === 0) return [];
  const spread = zonesOfStack(template);
  if (spread.zones.size < 2) return [];
  return candidates.map(([id, db]) => ({
    message: `Database ${id} runs in a single availability zone while ${spread.by.join(', ')} span ${spread.zones.size} zones: it is the single point of failure.`,
    resources: [id],
    evidence: [
      {
        resource: id,
        path: 'Properties.MultiAZ',
        ...(db.Properties?.MultiAZ === undefined ? { note: 'not set (single-AZ)' } : { value: db.Properties.MultiAZ, note: 'off' }),
      },
    ],
  }));
}

export const rule: Rule = { id: 'rds-multi-az', check };

/** A standalone (non-Aurora, non-replica) instance whose MultiAZ is off or unset, with an engine that offers Multi-AZ. */
function isSingleAzInstance(props: Readonly<Record<string, CfnValue>>): boolean {
  const setting = settingOf(props.MultiAZ);
  if (setting === true || setting === 'unknown') return false;
  if (props.DBClusterIdentifier !== undefined || props.SourceDBInstanceIdentifier !== undefined) return false;
  const engine = props.Engine;
  return !(typeof engine === 'string' && (/^aurora/i.test(engine) || SINGLE_AZ_ENGINES.test(engine)));
}

/** The zone keys of the subnets the stack spreads load balancers, Auto Scaling groups and NAT gateways over, and those resources. */
function zonesOfStack(template: CfnTemplate): { zones: Set<string>; by: string[] } {
  const zones = new Set<string>();
  const by: string[] = [];
  for (const [type, path] of SPREAD_SUBNETS) {
    for (const [id, resource] of resourcesOfType(template, type)) {
      const subnets = asList(getPath(resource, path)).flatMap((s) => referencedOfType(template, s, 'AWS::EC2::Subnet'));
      const keys = subnets.map((s) => availabilityZoneKey(template, s)).filter((k): k is string => k !== undefined);
      if (keys.length === 0) continue;
      keys.forEach((k) => zones.add(k));
      by.push(id);
    }
  }
  return { zones, by };
}
