import { describe, expect, it } from 'vitest';
import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './invalid-schedule-expression';

const schedule = (name: string, expression: string) => `
  ${name}:
    Type: AWS::Scheduler::Schedule
    Properties: { ScheduleExpression: '${expression}', FlexibleTimeWindow: { Mode: 'OFF' }, Target: { Arn: arn, RoleArn: role } }`;
const eventRule = (name: string, expression: string) => `
  ${name}: { Type: AWS::Events::Rule, Properties: { ScheduleExpression: '${expression}' } }`;

describe('invalid-schedule-expression', () => {
  it('non-compliant 1: Scheduler expressions with a five-field cron, a plural unit for 1, a singular for 5, both day fields, a bad at()', () => {
    const text = `Resources:${schedule('Five', 'cron(0 12 * * *)')}${schedule('Plural', 'rate(1 minutes)')}${schedule('Singular', 'rate(5 minute)')}${schedule('BothDays', 'cron(0 12 1 * MON *)')}${schedule('At', 'at(2025-01-01 10:00)')}`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => [v.resources?.[0], v.evidence?.[0].note])).toEqual([
      ['Five', 'cron(0 12 * * *) has 5 fields; AWS cron takes six (minutes hours day-of-month month day-of-week year)'],
      ['Plural', 'rate(1 minutes) must use the singular unit (minute)'],
      ['Singular', 'rate(5 minute) must use the plural unit (minutes)'],
      ['BothDays', 'exactly one of day-of-month and day-of-week must be ?'],
      ['At', 'at() takes a date and time as yyyy-mm-ddThh:mm:ss'],
    ]);
  });

  it('non-compliant 2: EventBridge rule cron values out of range (the form is cfn-lint E3027), a Backup plan rule with five fields', () => {
    const text = `Resources:${eventRule('Hour25', 'cron(0 25 * * ? *)')}${eventRule('Month13', 'cron(0 12 ? 13 MON-FRI *)')}
  Plan:
    Type: AWS::Backup::BackupPlan
    Properties: { BackupPlan: { BackupPlanName: p, BackupPlanRule: [{ RuleName: ok, TargetBackupVault: v, ScheduleExpression: 'cron(0 5 ? * * *)' }, { RuleName: bad, TargetBackupVault: v, ScheduleExpression: 'cron(0 5 * * *)' }] } }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => [v.resources?.[0], v.evidence?.[0].path, v.evidence?.[0].note])).toEqual([
      ['Hour25', 'Properties.ScheduleExpression', 'hours value 25 is not a number in 0-23'],
      ['Month13', 'Properties.ScheduleExpression', 'month value 13 is not a number or name in 1-12'],
      ['Plan', 'Properties.BackupPlan.BackupPlanRule.1.ScheduleExpression', expect.stringContaining('has 5 fields')],
    ]);
  });

  it('compliant: valid rate, cron (lists, ranges, steps, L, W, #, names) and at expressions; EventBridge forms left to cfn-lint; intrinsics', () => {
    const text = `Resources:${schedule('A', 'rate(1 hour)')}${schedule('B', 'rate(15 minutes)')}${schedule('C', 'cron(0/15 8-17 ? * MON-FRI *)')}${schedule('D', 'cron(0 9 L * ? *)')}${schedule('E', 'cron(30 2 ? JAN,JUL 6L 2025-2030)')}${schedule('F', 'cron(0 0 15W * ? *)')}${schedule('G', 'cron(0 12 ? * 3#2 *)')}${schedule('H', 'at(2030-01-01T10:00:00)')}${eventRule('FormOnly', 'rate(5 minute)')}
  Canary: { Type: AWS::Synthetics::Canary, Properties: { Schedule: { Expression: 'rate(0 minute)' } } }
  Param: { Type: AWS::Scheduler::Schedule, Properties: { ScheduleExpression: !Ref Expression } }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('CDK', () => {
    const synthesized = synthOnce((stack, ids) => {
      const bad = new events.Rule(stack, 'Nightly', { schedule: events.Schedule.expression('cron(0 24 * * ? *)') });
      new events.Rule(stack, 'Hourly', { schedule: events.Schedule.rate(Duration.hours(1)) });
      new events.Rule(stack, 'Weekdays', { schedule: events.Schedule.cron({ minute: '0', hour: '9', weekDay: 'MON-FRI' }) });
      const raw = new scheduler.CfnSchedule(stack, 'Raw', {
        scheduleExpression: 'rate(5 minute)',
        flexibleTimeWindow: { mode: 'OFF' },
        target: { arn: 'arn:aws:lambda:us-east-1:123456789012:function:f', roleArn: 'arn:aws:iam::123456789012:role/r' },
      });
      ids.bad = logicalId(bad);
      ids.raw = stack.getLogicalId(raw);
    });

    it('non-compliant: Schedule.expression with hour 24 and a raw CfnSchedule rate; compliant: Schedule.rate and Schedule.cron', () => {
      const violations = rule.check({ template: synthesized.template, sources: [] });
      expect(violations.map((v) => v.resources?.[0]).sort()).toEqual([synthesized.ids.bad, synthesized.ids.raw].sort());
    });
  });
});
