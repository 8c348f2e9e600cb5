import { asList, referencedIds, referencedOfType, refersTo, resourcesOfType } from '../../templates/query';
import type { CfnTemplate } from '../../templates/types';
import type { Rule, RuleInput, Violation } from '../types';

/** A route to an internet gateway must wait for the gateway's VPC attachment (DependsOn), or CloudFormation may create it first and fail. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const dependencies = new Map<string, string[]>();
  const violations: Violation[] = [];
  for (const [routeId, route] of resourcesOfType(template, 'AWS::EC2::Route')) {
    for (const igwId of referencedOfType(template, route.Properties?.GatewayId, 'AWS::EC2::InternetGateway')) {
      const attachments = resourcesOfType(template, 'AWS::EC2::VPCGatewayAttachment')
        .filter(([, attachment]) => refersTo(attachment.Properties?.InternetGatewayId, igwId))
        .map(([id]) => id);
      if (attachments.length === 0) {
        violations.push({
          message: `Route ${routeId} targets internet gateway ${igwId}, which no AWS::EC2::VPCGatewayAttachment attaches to a VPC: the route cannot be created.`,
          resources: [routeId, igwId],
          evidence: [
            { resource: routeId, path: 'Properties.GatewayId', value: route.Properties?.GatewayId, note: 'the gateway is never attached' },
          ],
        });
      } else if (!attachments.some((attachment) => dependsOn(template, dependencies, routeId, attachment))) {
        violations.push({
          message: `Route ${routeId} targets internet gateway ${igwId} but does not depend on its attachment ${attachments.join(', ')}: CloudFormation may create the route before the gateway is attached, and the route fails.`,
          resources: [routeId, igwId, ...attachments],
          evidence: [
            {
              resource: routeId,
              path: 'DependsOn',
              value: template.Resources[routeId].DependsOn,
              note: `add DependsOn: ${attachments[0]}`,
            },
          ],
        });
      }
    }
  }
  return violations;
}

export const rule: Rule = { id: 'internet-gateway-route-dependency', check };

/** A resource's direct dependencies (its DependsOn and the resources its properties reference), read once and kept in `memo`. */
function directDependencies(template: CfnTemplate, memo: Map<string, string[]>, id: string): string[] {
  let direct = memo.get(id);
  if (!direct) {
    const resource = template.Resources[id];
    direct = [...asList(resource?.DependsOn as string | string[] | undefined), ...referencedIds(resource?.Properties)].filter(
      (dep) => dep in template.Resources,
    );
    memo.set(id, direct);
  }
  return direct;
}

/** Whether `from` depends on `target` directly or through other resources (only the resources reached are read). */
function dependsOn(template: CfnTemplate, memo: Map<string, string[]>, from: string, target: string): boolean {
  const seen = new Set<string>();
  const pending = [...directDependencies(template, memo, from)];
  while (pending.length) {
    const id = pending.pop() as string;
    if (id === target) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...directDependencies(template, memo, id));
  }
  return false;
}
