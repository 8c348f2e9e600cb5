import { referencedOfType, resourcesOfType } from '../../templates/query';
import type { Rule, RuleInput, Violation } from '../types';
import { defaultRoutesOfSubnet, routeTablesOfSubnet, routesToInternetGateway, subnetRoutingIsKnown } from '../util/network';

/** A public NAT gateway must sit in a subnet whose default route goes to an internet gateway. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const [natId, nat] of resourcesOfType(template, 'AWS::EC2::NatGateway')) {
    // A private NAT gateway (ConnectivityType private) belongs in a private subnet; a non-literal type cannot be judged.
    const connectivity = nat.Properties?.ConnectivityType;
    if (connectivity !== undefined && connectivity !== 'public') continue;
    const [subnetId] = referencedOfType(template, nat.Properties?.SubnetId, 'AWS::EC2::Subnet');
    if (!subnetId || !subnetRoutingIsKnown(template, subnetId)) continue;
    const defaults = defaultRoutesOfSubnet(template, subnetId);
    if (defaults.some(([, route]) => routesToInternetGateway(template, route.Properties?.GatewayId))) continue;
    const tables = routeTablesOfSubnet(template, subnetId);
    violations.push({
      message:
        `NAT gateway ${natId} is placed in subnet ${subnetId}, which has no default route to an internet gateway` +
        `${defaults.length ? ` (its default route goes to ${defaults.map(([id]) => id).join(', ')})` : ''}: ` +
        'the gateway cannot reach the internet, so the subnets that route through it have no egress.',
      resources: [natId, subnetId, ...tables],
      evidence: [
        { resource: natId, path: 'Properties.SubnetId', value: nat.Properties?.SubnetId, note: 'the NAT gateway is placed in this subnet' },
        ...(defaults.length
          ? defaults.map(([id, route]) => ({
              resource: id,
              path: 'Properties',
              value: route.Properties,
              note: `${subnetId}'s default route`,
            }))
          : [
              {
                resource: subnetId,
                note: tables.length
                  ? `no 0.0.0.0/0 route in ${tables.join(', ')}`
                  : 'no route table association (main route table: local routes only)',
              },
            ]),
      ],
    });
  }
  return violations;
}

export const rule: Rule = { id: 'nat-gateway-placement', check };
