import { getPath, resourcesOfType } from '../../templates/query';
import type { CfnTemplate } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { apiLambdaInvocations, functionOf, type ApiInvocation } from '../util/api';

/** A function that serves an API must be invoked through an alias or version with provisioned concurrency. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const byFunction = new Map<string, ApiInvocation[]>();
  for (const inv of apiLambdaInvocations(template)) byFunction.set(inv.functionId, [...(byFunction.get(inv.functionId) ?? []), inv]);
  const violations: Violation[] = [];
  for (const [fnId, invocations] of byFunction) {
    const warm = provisionedTargets(template, fnId);
    const cold = invocations.filter((inv) => !warm.includes(inv.target));
    if (cold.length === 0) continue;
    const evidence: Evidence[] = cold.map((inv) => ({
      resource: inv.source,
      path: inv.path,
      value: inv.value,
      note: `invokes ${describeTarget(template, inv.target)}`,
    }));
    const targets = [...new Set(cold.map((inv) => inv.target))].filter((id) => id !== fnId);
    if (warm.length === 0) {
      evidence.push({
        resource: fnId,
        note: 'no AWS::Lambda::Alias or AWS::Lambda::Version of this function has ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions >= 1',
      });
      violations.push({
        message: `Function ${fnId} serves an API but has no alias or version with provisioned concurrency, so requests hit cold starts.`,
        resources: [fnId, ...targets],
        evidence,
      });
    } else {
      violations.push({
        message: `Function ${fnId} has provisioned concurrency on ${warm.join(', ')}, but the API invokes ${[...new Set(cold.map((inv) => describeTarget(template, inv.target)))].join(' and ')} instead.`,
        resources: [fnId, ...warm, ...targets],
        evidence,
      });
    }
  }
  return violations;
}

export const rule: Rule = { id: 'lambda-provisioned-concurrency', check };

/** Aliases and versions of `fnId` that keep at least one execution environment provisioned. */
function provisionedTargets(template: CfnTemplate, fnId: string): string[] {
  return [...resourcesOfType(template, 'AWS::Lambda::Alias'), ...resourcesOfType(template, 'AWS::Lambda::Version')]
    .filter(([id]) => functionOf(template, id) === fnId)
    .filter(([, r]) => Number(getPath(r, 'Properties.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions') ?? 0) >= 1)
    .map(([id]) => id);
}

/** "the function X directly", "alias X" or "version X", for messages. */
function describeTarget(template: CfnTemplate, targetId: string): string {
  const type = template.Resources[targetId]?.Type;
  if (type === 'AWS::Lambda::Function') return `the function ${targetId} directly`;
  return `${type === 'AWS::Lambda::Alias' ? 'alias' : 'version'} ${targetId} (without provisioned concurrency)`;
}
