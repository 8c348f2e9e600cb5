import { resourcesOfType } from '../../templates/query';
import type { Rule, RuleInput, Violation } from '../types';
import { bootSourcesOf, bootText, resourceSignals, userDataPath, waitsForSignals } from '../util/launch';

const BOOT_SOURCE_TYPES = new Set(['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration']);

/** A cfn-signal in user data must name a resource of the stack that waits for it (its CreationPolicy or rolling update). */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  // Boot sources of waiting resources: a wrong target there is creation-policy-signal's finding, not this one.
  const ofWaiting = new Set(
    resourcesOfType(template)
      .filter(([id]) => waitsForSignals(template, id))
      .flatMap(([id]) => bootSourcesOf(template, id)),
  );
  const violations: Violation[] = [];
  for (const [id, resource] of resourcesOfType(template)) {
    if (!BOOT_SOURCE_TYPES.has(resource?.Type)) continue;
    for (const signal of resourceSignals(bootText(template, id) ?? '')) {
      const target = signal.target;
      if (target === 'unknown' || waitsForSignals(template, target)) continue;
      const exists = target in template.Resources;
      if (!exists && ofWaiting.has(id)) continue;
      violations.push({
        message: exists
          ? `${id}'s user data signals ${target}, which has no CreationPolicy: the signal is rejected and CloudFormation does not wait for the bootstrap.`
          : `${id}'s user data signals ${target}, which the stack does not define: the signal is rejected.`,
        resources: exists ? [...new Set([target, id])] : [id],
        evidence: [
          { resource: id, path: userDataPath(template, id), value: signal.command, note: `cfn-signal for ${target}` },
          ...(exists ? [{ resource: target, path: 'CreationPolicy', note: 'missing' }] : []),
        ],
      });
    }
  }
  return violations;
}

export const rule: Rule = { id: 'signal-without-creation-policy', check };
