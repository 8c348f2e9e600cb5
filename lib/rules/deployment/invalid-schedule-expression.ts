import { resourcesOfType } from '../../templates/query';
import type { Rule, RuleInput, Violation } from '../types';
import { valuesAt } from '../util/paths';
import { scheduleProblems, type ScheduleSyntax } from '../util/schedule';

/** Where each resource type keeps schedule expressions (`*` steps into every item of a list) and which forms they take. */
const SCHEDULES: readonly { type: string; path: string; syntax: ScheduleSyntax }[] = [
  // cfn-lint E3027 checks the form of EventBridge rule schedules; only the values of their cron fields are left.
  { type: 'AWS::Events::Rule', path: 'ScheduleExpression', syntax: { rate: true, at: false, fieldValuesOnly: true } },
  { type: 'AWS::Scheduler::Schedule', path: 'ScheduleExpression', syntax: { rate: true, at: true } },
  { type: 'AWS::Backup::BackupPlan', path: 'BackupPlan.BackupPlanRule.*.ScheduleExpression', syntax: { rate: false, at: false } },
  { type: 'AWS::Glue::Trigger', path: 'Schedule', syntax: { rate: false, at: false } },
  { type: 'AWS::Synthetics::Canary', path: 'Schedule.Expression', syntax: { rate: true, at: false } },
  { type: 'AWS::DLM::LifecyclePolicy', path: 'PolicyDetails.Schedules.*.CreateRule.CronExpression', syntax: { rate: false, at: false } },
  { type: 'AWS::ApplicationAutoScaling::ScalableTarget', path: 'ScheduledActions.*.Schedule', syntax: { rate: true, at: true } },
];

/** Schedule expressions the service rejects: wrong form, wrong number of cron fields, out-of-range field values, both or neither day field `?`. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const [id, resource] of resourcesOfType(template)) {
    for (const { type, path, syntax } of SCHEDULES) {
      if (resource.Type !== type) continue;
      for (const { path: at, value } of valuesAt(resource.Properties, path, 'Properties')) {
        // A canary's rate(0 minute) means "run once"; expressions built with intrinsics cannot be read.
        if (typeof value !== 'string' || (type === 'AWS::Synthetics::Canary' && value.trim() === 'rate(0 minute)')) continue;
        const problems = scheduleProblems(value, syntax);
        if (problems.length === 0) continue;
        violations.push({
          message: `${id} has an invalid schedule expression ${value}: ${problems.join('; ')}.`,
          resources: [id],
          evidence: [{ resource: id, path: at, value, note: problems.join('; ') }],
        });
      }
    }
  }
  return violations;
}

export const rule: Rule = { id: 'invalid-schedule-expression', check };
