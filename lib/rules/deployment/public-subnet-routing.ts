import { resourcesOfType } from '../../templates/query';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { defaultRoutesOfSubnet, routeTablesOfSubnet, routesToInternetGateway, subnetIntent, subnetRoutingIsKnown } from '../util/network';

/** A subnet meant to be public needs a route table association and a default route to an internet gateway. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const [subnetId] of resourcesOfType(template, 'AWS::EC2::Subnet')) {
    const intent = subnetIntent(template, subnetId);
    if (intent?.intent !== 'public' || !subnetRoutingIsKnown(template, subnetId)) continue;
    const tables = routeTablesOfSubnet(template, subnetId);
    if (tables.length === 0) {
      violations.push({
        message: `Public subnet ${subnetId} has no route table association: it uses its VPC's main route table, which has no route to the internet.`,
        resources: [subnetId],
        evidence: [intent.evidence, { resource: subnetId, note: 'no AWS::EC2::SubnetRouteTableAssociation names this subnet' }],
      });
      continue;
    }
    const defaults = defaultRoutesOfSubnet(template, subnetId);
    if (defaults.some(([, route]) => routesToInternetGateway(template, route.Properties?.GatewayId))) continue;
    const routeEvidence: Evidence[] = defaults.length
      ? defaults.map(([id, route]) => ({
          resource: id,
          path: 'Properties',
          value: route.Properties,
          note: 'the default route goes elsewhere than an internet gateway',
        }))
      : [{ resource: tables[0], note: `no 0.0.0.0/0 route in ${tables.join(', ')}` }];
    violations.push({
      message: `Public subnet ${subnetId} has no default route (0.0.0.0/0) to an internet gateway in its route table${tables.length > 1 ? 's' : ''} ${tables.join(', ')}: nothing in it is reachable from the internet or reaches it.`,
      resources: [subnetId, ...tables],
      evidence: [intent.evidence, ...routeEvidence],
    });
  }
  return violations;
}

export const rule: Rule = { id: 'public-subnet-routing', check };
