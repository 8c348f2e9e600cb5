import { resourcesOfType } from '../../templates/query';
import type { CfnTemplate } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { alarmMetrics, type AlarmMetric } from '../util/alarms';
import { applicationFunctions, namesFunction } from '../util/lambda';

/** Flags functions that no CloudWatch alarm on AWS/Lambda `Throttles` watches. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const throttles = throttleMetrics(template);
  // An alarm on Throttles without dimensions watches the account-wide metric, which covers every function.
  if (throttles.some(([, m]) => m.dimensions.length === 0)) return [];
  const violations: Violation[] = [];
  for (const [fnId] of applicationFunctions(template)) {
    if (throttles.some(([, m]) => m.dimensions.some((d) => d.name === 'FunctionName' && namesFunction(template, d.value, fnId)))) continue;
    const evidence: Evidence[] = [
      { resource: fnId, note: 'no AWS::CloudWatch::Alarm on AWS/Lambda Throttles has a FunctionName dimension that names this function' },
    ];
    for (const [alarmId, m] of throttles) {
      for (const d of m.dimensions)
        evidence.push({
          resource: alarmId,
          path: `${d.path}.Value`,
          value: d.value,
          note: `Throttles alarm ${alarmId} watches ${String(d.name)}, not ${fnId}`,
        });
    }
    violations.push({
      message: `${fnId} has no CloudWatch alarm on its Throttles metric, so throttling goes unnoticed.`,
      resources: [fnId],
      evidence,
    });
  }
  return violations;
}

export const rule: Rule = { id: 'lambda-throttle-alarm', check };

/** `[alarmId, metric]` for every AWS/Lambda `Throttles` metric watched by an alarm (single-metric or metric math). */
function throttleMetrics(template: CfnTemplate): [string, AlarmMetric][] {
  return resourcesOfType(template, 'AWS::CloudWatch::Alarm').flatMap(([id, alarm]) =>
    alarmMetrics(alarm)
      .filter((m) => m.namespace === 'AWS/Lambda' && m.metricName === 'Throttles')
      .map((m): [string, AlarmMetric] => [id, m]),
  );
}
