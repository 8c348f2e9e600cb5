import { resourcesOfType } from '../../templates/query';
import type { Rule, RuleInput, Violation } from '../types';
import { availabilityZoneKey, isPublicSubnet, natGatewaysOfSubnet, subnetsOfVpc } from '../util/network';

/** Private subnets spread over several availability zones need as many NAT gateways as zones. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const [vpcId] of resourcesOfType(template, 'AWS::EC2::VPC')) {
    const privateSubnets = subnetsOfVpc(template, vpcId)
      .filter((id) => !isPublicSubnet(template, id))
      .map((id) => ({ id, nats: natGatewaysOfSubnet(template, id), zone: availabilityZoneKey(template, id) }))
      .filter((subnet) => subnet.nats.length > 0);
    // Subnets that name no zone cannot be placed; they count neither as a zone nor against one.
    const zones = new Set(privateSubnets.flatMap((s) => (s.zone === undefined ? [] : [s.zone])));
    const nats = [...new Set(privateSubnets.flatMap((s) => s.nats))];
    if (zones.size < 2 || nats.length >= zones.size) continue;
    violations.push({
      message:
        `VPC ${vpcId} has private subnets in ${zones.size} availability zones but routes them through ` +
        `${nats.length} NAT gateway${nats.length > 1 ? 's' : ''} (${nats.join(', ')}): losing ${nats.length > 1 ? 'a gateway' : 'it'} cuts egress for the other zones.`,
      resources: [vpcId, ...nats, ...privateSubnets.map((s) => s.id)],
      evidence: privateSubnets.map((s) => ({
        resource: s.id,
        path: 'Properties.AvailabilityZone',
        value: template.Resources[s.id].Properties?.AvailabilityZone ?? template.Resources[s.id].Properties?.AvailabilityZoneId,
        note: `routes 0.0.0.0/0 through ${s.nats.join(', ')}`,
      })),
    });
  }
  return violations;
}

export const rule: Rule = { id: 'nat-gateway-redundancy', check };
