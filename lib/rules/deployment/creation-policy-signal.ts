import { getPath, resourcesOfType } from '../../templates/query';
import type { Rule, RuleInput, Violation } from '../types';
import { bootSourcesOf, bootText, resourceSignals, userDataPath, waitsForSignals } from '../util/launch';

const SIGNALED_TYPES = new Set(['AWS::AutoScaling::AutoScalingGroup', 'AWS::EC2::Instance']);

/** An instance or Auto Scaling group that waits for resource signals must get one from its own user data. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const [id, resource] of resourcesOfType(template)) {
    if (!SIGNALED_TYPES.has(resource?.Type) || !waitsForSignals(template, id)) continue;
    const sources = bootSourcesOf(template, id);
    // Instances launched from a template outside the stack boot from user data this template does not show.
    if (sources.length === 0 || (resource.Properties?.LaunchTemplate !== undefined && !sources.some((s) => s !== id))) continue;
    const texts = sources.map((source) => ({ source, text: bootText(template, source) }));
    if (texts.some((t) => t.text === undefined)) continue;
    const signals = texts.flatMap((t) => resourceSignals(t.text ?? '').map((signal) => ({ source: t.source, ...signal })));
    if (signals.some((s) => s.target === id || s.target === 'unknown')) continue;
    const others = [...new Set(signals.map((s) => s.target))];
    const waiting = getPath(resource, 'CreationPolicy.ResourceSignal') !== undefined ? 'creation' : 'every rolling update';
    violations.push({
      message: others.length
        ? `${id} waits for resource signals, but its user data signals ${others.join(', ')} instead: ${waiting} times out and rolls back.`
        : `${id} waits for resource signals, but its user data runs no cfn-signal: ${waiting} times out and rolls back.`,
      resources: [id, ...sources.filter((s) => s !== id)],
      evidence: [
        { resource: id, path: waiting === 'creation' ? 'CreationPolicy' : 'UpdatePolicy', note: 'waits for resource signals' },
        ...(signals.length
          ? signals.map((s) => ({
              resource: s.source,
              path: userDataPath(template, s.source),
              value: s.command,
              note: `signals ${s.target}`,
            }))
          : sources.map((s) => ({ resource: s, path: userDataPath(template, s), note: 'no cfn-signal for this resource' }))),
      ],
    });
  }
  return violations;
}

export const rule: Rule = { id: 'creation-policy-signal', check };
