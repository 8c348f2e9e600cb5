import { asList, referencedIds, referencedOfType, refersTo, resourcesOfType } from '../../templates/query';
import type { CfnTemplate } from '../../templates/types';
import type { Rule, RuleInput, Violation } from '../types';

/** A route to an internet gateway must wait for the gateway's VPC attachment (DependsOn), or CloudFormation may create it first and fail. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const dependencies = dependencyIndex(template);
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
      } else if (!attachments.some((attachment) => dependsOn(dependencies, routeId, attachment))) {
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

/** Each resource's direct dependencies: its DependsOn and the resources its properties reference. */
function dependencyIndex(template: CfnTemplate): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    const direct = [...asList(resource.DependsOn as string | string[] | undefined), ...referencedIds(resource.Properties)];
    index.set(
      id,
      direct.filter((dep) => typeof dep === 'string' && dep in template.Resources),
    );
  }
  return index;
}

/** Whether `from` depends on `target` directly or through other resources. */
function dependsOn(index: Map<string, string[]>, from: string, target: string): boolean {
  const seen = new Set<string>();
  const pending = [...(index.get(from) ?? [])];
  while (pending.length) {
    const id = pending.pop() as string;
    if (id === target) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(index.get(id) ?? []));
  }
  return false;
}
