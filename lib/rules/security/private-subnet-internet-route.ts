import { resourcesOfType } from '../../templates/query';
import type { Rule, RuleInput, Violation } from '../types';
import { defaultRoutesOfSubnet, routesToInternetGateway, subnetIntent } from '../util/network';

/** A subnet meant to be private must not send its default route to an internet gateway. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const [subnetId] of resourcesOfType(template, 'AWS::EC2::Subnet')) {
    const intent = subnetIntent(template, subnetId);
    if (intent?.intent !== 'private') continue;
    const toInternet = defaultRoutesOfSubnet(template, subnetId).filter(([, route]) =>
      routesToInternetGateway(template, route.Properties?.GatewayId),
    );
    if (toInternet.length === 0) continue;
    violations.push({
      message: `Private subnet ${subnetId} sends its default route (0.0.0.0/0) to an internet gateway through ${toInternet.map(([id]) => id).join(', ')}: it is a public subnet in all but name.`,
      resources: [subnetId, ...toInternet.map(([id]) => id)],
      evidence: [
        intent.evidence,
        ...toInternet.map(([id, route]) => ({
          resource: id,
          path: 'Properties.GatewayId',
          value: route.Properties?.GatewayId,
          note: 'default route to an internet gateway',
        })),
      ],
    });
  }
  return violations;
}

export const rule: Rule = { id: 'private-subnet-internet-route', check };
