import { describe, expect, it } from 'vitest';
import { Duration, type Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { functionResource, inlineFunction, input, inputFromText, synth } from '../test-util';
import { rule } from './alarm-configuration';

/** A function `Fn` (generated name) and an alarm with the given properties. */
const yaml = (alarmProps: string, fnName = '') => `
Parameters:
  AlarmPeriod: { Type: Number, Default: 300 }
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Runtime: python3.12, Handler: index.handler, Role: 'arn:aws:iam::1:role/r', Code: { ZipFile: x }${fnName} }
  Alarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      ComparisonOperator: GreaterThanOrEqualToThreshold
${alarmProps}`;

/** A CDK function `Handler` and an alarm built by `alarm`. */
const cdkStack = (alarm: (stack: Stack, fn: lambda.Function) => void) => (stack: Stack) => {
  alarm(stack, inlineFunction(stack, 'Handler'));
};

describe('alarm-configuration', () => {
  it('non-compliant 1: YAML alarm with a 45 s period, more datapoints than periods, no threshold, and a literal FunctionName', () => {
    const violations = rule.check(
      inputFromText(
        yaml(`      Namespace: AWS/Lambda
      MetricName: Throttles
      Dimensions: [{ Name: FunctionName, Value: my-function }]
      Statistic: Sum
      Period: 45
      EvaluationPeriods: 2
      DatapointsToAlarm: 3`),
      ),
    );
    expect(violations.map((v) => v.resources)).toEqual([['Alarm']]);
    expect(violations[0].message).toBe(
      'Alarm cannot work as written: Period 45 is not 10, 20, 30 or a multiple of 60 seconds; DatapointsToAlarm 3 exceeds EvaluationPeriods 2; ' +
        'it has neither Threshold nor ThresholdMetricId; dimension FunctionName "my-function" names none of the stack\'s functions (Fn); reference the function instead.',
    );
    expect(violations[0].evidence?.map((e) => [e.path, e.value])).toEqual([
      ['Properties.Period', 45],
      ['Properties.DatapointsToAlarm', 3],
      ['Properties.Threshold', undefined],
      ['Properties.Dimensions.0.Value', 'my-function'],
    ]);
  });

  it('non-compliant 2: JSON metric-math alarm with a 90 s MetricStat period and EvaluationPeriods 0; an alarm without Period or EvaluationPeriods', () => {
    const json = JSON.stringify({
      Resources: {
        Fn: functionResource({ FunctionName: 'orders' }),
        MathAlarm: {
          Type: 'AWS::CloudWatch::Alarm',
          Properties: {
            ComparisonOperator: 'GreaterThanThreshold',
            Threshold: 1,
            EvaluationPeriods: 0,
            Metrics: [
              { Id: 'e', Expression: 'm1 * 2', ReturnData: true },
              {
                Id: 'm1',
                ReturnData: false,
                MetricStat: {
                  Stat: 'Sum',
                  Period: 90,
                  Metric: { Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: 'orders' }] },
                },
              },
            ],
          },
        },
        Bare: {
          Type: 'AWS::CloudWatch::Alarm',
          Properties: { ComparisonOperator: 'GreaterThanThreshold', Threshold: 1, Namespace: 'AWS/SQS', MetricName: 'X', Statistic: 'Sum' },
        },
      },
    });
    const violations = rule.check(inputFromText(json));
    expect(violations.map((v) => v.resources)).toEqual([['MathAlarm'], ['Bare']]);
    expect(violations[0].evidence?.map((e) => e.path)).toEqual(['Properties.Metrics.1.MetricStat.Period', 'Properties.EvaluationPeriods']);
    expect(violations[0].message).toContain('EvaluationPeriods 0 is less than 1');
    expect(violations[1].evidence?.map((e) => e.path)).toEqual(['Properties.Period', 'Properties.EvaluationPeriods']);
  });

  it("non-compliant 3: CDK alarm on a metric whose FunctionName dimension is a literal while the function's name is generated", () => {
    const t = synth(
      cdkStack(
        (stack) =>
          new cloudwatch.Alarm(stack, 'ErrorsAlarm', {
            metric: new cloudwatch.Metric({
              namespace: 'AWS/Lambda',
              metricName: 'Errors',
              dimensionsMap: { FunctionName: 'HandlerFunction' },
            }),
            threshold: 1,
            evaluationPeriods: 1,
          }),
      ),
    );
    const alarmId = Object.keys(t.Resources).find((id) => id.startsWith('ErrorsAlarm'));
    const violations = rule.check(input(t));
    expect(violations.map((v) => v.resources)).toEqual([[alarmId]]);
    expect(violations[0].evidence).toEqual([expect.objectContaining({ path: 'Properties.Dimensions.0.Value', value: 'HandlerFunction' })]);
  });

  it('compliant: referenced or matching function names, valid periods (60, 10, intrinsic), anomaly detection, CDK metric alarms', () => {
    expect(
      rule.check(
        inputFromText(
          yaml(`      Namespace: AWS/Lambda
      MetricName: Throttles
      Dimensions: [{ Name: FunctionName, Value: !Ref Fn }]
      Statistic: Sum
      Period: !Ref AlarmPeriod
      EvaluationPeriods: 3
      DatapointsToAlarm: 2
      Threshold: 1`),
        ),
      ),
    ).toEqual([]);
    expect(
      rule.check(
        inputFromText(
          yaml(
            `      Namespace: AWS/Lambda
      MetricName: Errors
      Dimensions: [{ Name: FunctionName, Value: orders }]
      Statistic: Sum
      Period: 10
      EvaluationPeriods: 1
      Threshold: 1`,
            ', FunctionName: orders',
          ),
        ),
      ),
    ).toEqual([]);
    const json = JSON.stringify({
      Resources: {
        Anomaly: {
          Type: 'AWS::CloudWatch::Alarm',
          Properties: {
            ComparisonOperator: 'GreaterThanUpperThreshold',
            EvaluationPeriods: 1,
            ThresholdMetricId: 'ad',
            Metrics: [
              {
                Id: 'm1',
                MetricStat: {
                  Stat: 'Sum',
                  Period: 120,
                  Metric: { Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: 'elsewhere' }] },
                },
              },
              { Id: 'ad', Expression: 'ANOMALY_DETECTION_BAND(m1, 2)' },
            ],
          },
        },
      },
    });
    expect(rule.check(inputFromText(json))).toEqual([]);
    expect(
      rule.check(
        input(
          synth(
            cdkStack((stack, fn) => {
              fn.metricThrottles({ period: Duration.minutes(1) }).createAlarm(stack, 'Throttles', {
                threshold: 1,
                evaluationPeriods: 3,
                datapointsToAlarm: 2,
              });
              fn.metricErrors().createAlarm(stack, 'Errors', { threshold: 1, evaluationPeriods: 1 });
            }),
          ),
        ),
      ),
    ).toEqual([]);
  });
});
