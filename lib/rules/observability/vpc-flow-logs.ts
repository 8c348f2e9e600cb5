import { referencedIds, resourcesOfType } from '../../templates/query';
import type { CfnTemplate } from '../../templates/types';
import type { Rule, RuleInput, Violation } from '../types';

/** Resource types whose flow log covers (part of) a VPC, and the property naming the VPC they belong to. */
const PARTS_OF_VPC: Record<string, string> = { 'AWS::EC2::Subnet': 'VpcId', 'AWS::EC2::NetworkInterface': 'SubnetId' };

/**
 * Every VPC the stack creates needs a flow log (AWS::EC2::FlowLog on the VPC, or on one of its subnets or network
 * interfaces). A flow log whose target is not a resource of the template (a parameter, an import) may be the VPC's,
 * so then nothing is reported.
 */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const vpcs = resourcesOfType(template, 'AWS::EC2::VPC');
  if (!vpcs.length) return [];
  const resources = template.Resources ?? {};
  const logged = new Set<string>();
  for (const [, flowLog] of resourcesOfType(template, 'AWS::EC2::FlowLog')) {
    const targets = [...referencedIds(flowLog.Properties?.ResourceId)].filter((id) => id in resources);
    if (!targets.length) return [];
    for (const target of targets) for (const vpc of vpcsOf(template.Resources, target)) logged.add(vpc);
  }
  return vpcs
    .filter(([id]) => !logged.has(id))
    .map(([id]) => ({
      message: `VPC ${id} has no flow log: no AWS::EC2::FlowLog records the traffic of the VPC or of its subnets.`,
      resources: [id],
      evidence: [{ resource: id, note: 'no AWS::EC2::FlowLog has this VPC (or one of its subnets) as ResourceId' }],
    }));
}

export const rule: Rule = { id: 'vpc-flow-logs', check };

/** The VPCs a flow log target belongs to: the VPC itself, a subnet's VPC, a network interface's subnet's VPC. */
function vpcsOf(resources: CfnTemplate['Resources'], id: string, depth = 0): string[] {
  const target = resources?.[id];
  if (!target || depth > 2) return [];
  if (target.Type === 'AWS::EC2::VPC') return [id];
  const parent = PARTS_OF_VPC[target.Type];
  if (!parent) return [];
  return [...referencedIds(target.Properties?.[parent])].flatMap((ref) => vpcsOf(resources, ref, depth + 1));
}
