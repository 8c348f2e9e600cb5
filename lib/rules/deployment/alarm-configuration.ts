import { resourcesOfType } from '../../templates/query';
import type { CfnResource, CfnTemplate } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { alarmMetrics } from '../util/alarms';
import { literalNumber } from '../util/cfn';
import { literalFunctionName } from '../util/lambda';

/** One thing wrong with an alarm, with the evidence for it. */
type Problem = { text: string; evidence: Evidence };

/** Flags CloudWatch alarms that cannot work as written; one violation per alarm listing all its problems. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  return resourcesOfType(template, 'AWS::CloudWatch::Alarm').flatMap(([id, alarm]) => {
    const problems = [...settingProblems(id, alarm), ...dimensionProblems(template, id, alarm)];
    if (problems.length === 0) return [];
    return [
      {
        message: `${id} cannot work as written: ${problems.map((p) => p.text).join('; ')}.`,
        resources: [id],
        evidence: problems.map((p) => p.evidence),
      },
    ];
  });
}

export const rule: Rule = { id: 'alarm-configuration', check };

/** Problems of the alarm's own settings: periods, evaluation periods, datapoints, threshold (literal numbers only). */
function settingProblems(id: string, alarm: CfnResource): Problem[] {
  const props = alarm.Properties ?? {};
  const problems: Problem[] = [];
  const add = (text: string, path: string, value?: unknown) =>
    problems.push({ text, evidence: { resource: id, path, ...(value !== undefined ? { value } : {}), note: text } });
  if (props.Metrics === undefined && props.Period === undefined) add('it has no Period', 'Properties.Period');
  for (const metric of alarmMetrics(alarm)) {
    const period = literalNumber(metric.period);
    if (period !== undefined && !validPeriod(period))
      add(`Period ${period} is not 10, 20, 30 or a multiple of 60 seconds`, metric.periodPath, metric.period);
  }
  const evaluations = literalNumber(props.EvaluationPeriods);
  const datapoints = literalNumber(props.DatapointsToAlarm);
  if (props.EvaluationPeriods === undefined) add('it has no EvaluationPeriods', 'Properties.EvaluationPeriods');
  if (evaluations !== undefined && evaluations < 1)
    add(`EvaluationPeriods ${evaluations} is less than 1`, 'Properties.EvaluationPeriods', props.EvaluationPeriods);
  if (datapoints !== undefined && evaluations !== undefined && datapoints > evaluations) {
    add(
      `DatapointsToAlarm ${datapoints} exceeds EvaluationPeriods ${evaluations}`,
      'Properties.DatapointsToAlarm',
      props.DatapointsToAlarm,
    );
  }
  if (props.Threshold === undefined && props.ThresholdMetricId === undefined)
    add('it has neither Threshold nor ThresholdMetricId', 'Properties.Threshold');
  return problems;
}

/** Problems of `FunctionName` dimensions given as literals that name none of the stack's functions. */
function dimensionProblems(template: CfnTemplate, id: string, alarm: CfnResource): Problem[] {
  const functions = resourcesOfType(template, 'AWS::Lambda::Function');
  if (functions.length === 0) return []; // the alarm may watch a function of another stack
  const names = functions.map(([, fn]) => literalFunctionName(fn));
  return alarmMetrics(alarm)
    .flatMap((metric) => metric.dimensions)
    .filter((d) => d.name === 'FunctionName' && typeof d.value === 'string' && !names.includes(d.value))
    .map((d) => {
      const text = `dimension FunctionName "${d.value}" names none of the stack's functions (${functions.map(([fnId]) => fnId).join(', ')}); reference the function instead`;
      return { text, evidence: { resource: id, path: `${d.path}.Value`, value: d.value, note: text } };
    });
}

/** Whether a period is valid for an alarm: 10, 20 or 30 (high resolution) or a positive multiple of 60. */
function validPeriod(period: number): boolean {
  return [10, 20, 30].includes(period) || (period > 0 && period % 60 === 0);
}
