import { asList, getPath, referencedOfType, refersTo, resourcesOfType } from '../../templates/query';
import type { CfnTemplate } from '../../templates/types';
import type { Rule, RuleInput, Violation } from '../types';
import { applicationFunctions } from '../util/lambda';
import { publicSubnetEvidence } from '../util/network';

/** Functions must run in the stack's VPC, and only in private subnets. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const vpcs = resourcesOfType(template, 'AWS::EC2::VPC').map(([id]) => id);
  const violations: Violation[] = [];
  for (const [fnId, fn] of applicationFunctions(template)) {
    if (isCustomResourceHandler(template, fnId)) continue;
    const vpcConfig = fn.Properties?.VpcConfig;
    // A conditional VpcConfig (Fn::If) cannot be judged without evaluating conditions.
    if (vpcConfig && typeof vpcConfig === 'object' && Object.keys(vpcConfig).some((k) => k.startsWith('Fn::'))) continue;
    const subnetIds = getPath(vpcConfig, 'SubnetIds');
    if (asList(subnetIds).length === 0) {
      if (vpcs.length === 0) continue;
      violations.push({
        message: `Function ${fnId} is not attached to the VPC ${vpcs.join(', ')}: it has no VpcConfig, so it runs outside the stack's private network.`,
        resources: [fnId],
        evidence: [{ resource: fnId, path: 'Properties.VpcConfig', note: `missing while the template defines ${vpcs.join(', ')}` }],
      });
      continue;
    }
    // Subnets given as literals or parameters cannot be judged here: only referenced subnet resources count.
    const subnets = referencedOfType(template, subnetIds, 'AWS::EC2::Subnet');
    const exposed = subnets.map((id) => ({ id, evidence: publicSubnetEvidence(template, id) })).filter((s) => s.evidence.length > 0);
    if (exposed.length === 0) continue;
    const names = exposed.map((s) => s.id);
    violations.push({
      message: `Function ${fnId} runs in public subnet${names.length > 1 ? 's' : ''} ${names.join(', ')} (public IPs on launch or a route to an internet gateway).`,
      resources: [fnId, ...names],
      evidence: [
        { resource: fnId, path: 'Properties.VpcConfig.SubnetIds', value: subnetIds, note: 'the function is placed in these subnets' },
        ...exposed.flatMap((s) => s.evidence),
      ],
    });
  }
  return violations;
}

export const rule: Rule = { id: 'lambda-private-subnets', check };

/** Whether the function is a custom resource's ServiceToken: a deploy-time handler, not application code (covers
 * hand-written templates, where applicationFunctions' CDK logical-ID test does not apply). */
function isCustomResourceHandler(template: CfnTemplate, fnId: string): boolean {
  return Object.values(template.Resources).some(
    (r) =>
      (r.Type.startsWith('Custom::') || r.Type === 'AWS::CloudFormation::CustomResource') && refersTo(r.Properties?.ServiceToken, fnId),
  );
}
