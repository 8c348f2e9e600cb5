import { describe, expect, it } from 'vitest';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Stack } from 'aws-cdk-lib';
import { functionResource, inlineFunction, input, inputFromText, synth } from '../test-util';
import { rule } from './lambda-throttle-alarm';

/** Two functions (`Api` with a generated name, `Worker` named `worker`) followed by alarms. */
const yaml = (alarms: string) => `
Resources:
  Api:
    Type: AWS::Lambda::Function
    Properties: { Runtime: python3.12, Handler: index.handler, Role: 'arn:aws:iam::1:role/r', Code: { ZipFile: x } }
  Worker:
    Type: AWS::Lambda::Function
    Properties: { FunctionName: worker, Runtime: python3.12, Handler: index.handler, Role: 'arn:aws:iam::1:role/r', Code: { ZipFile: x } }
${alarms}`;

/** A single-metric alarm on AWS/Lambda `metric` with the given Dimensions (YAML flow). */
const alarm = (id: string, metric: string, dimensions: string) => `  ${id}:
    Type: AWS::CloudWatch::Alarm
    Properties: { Namespace: AWS/Lambda, MetricName: ${metric}, Dimensions: ${dimensions}, Statistic: Sum, Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: GreaterThanOrEqualToThreshold }`;

/** A CDK function `Handler` and alarms built by `alarms`. */
const cdkStack = (alarms: (stack: Stack, fn: lambda.Function) => void) => (stack: Stack) => {
  alarms(stack, inlineFunction(stack, 'Handler'));
};

describe('lambda-throttle-alarm', () => {
  it('non-compliant 1: YAML functions with only an Errors alarm and a Throttles alarm on an unknown literal name', () => {
    const violations = rule.check(
      inputFromText(
        yaml(
          [
            alarm('ApiErrors', 'Errors', '[{ Name: FunctionName, Value: !Ref Api }]'),
            alarm('WrongThrottles', 'Throttles', '[{ Name: FunctionName, Value: api-function }]'),
          ].join('\n'),
        ),
      ),
    );
    expect(violations.map((v) => v.resources)).toEqual([['Api'], ['Worker']]);
    expect(violations[0].message).toBe('Api has no CloudWatch alarm on its Throttles metric, so throttling goes unnoticed.');
    expect(violations[0].evidence?.[1]).toMatchObject({
      resource: 'WrongThrottles',
      path: 'Properties.Dimensions.0.Value',
      value: 'api-function',
    });
  });

  it('non-compliant 2: JSON with a Throttles alarm for one function only (metric math, literal name) and one in another namespace', () => {
    const json = JSON.stringify({
      Resources: {
        Orders: functionResource({ FunctionName: 'orders' }),
        Billing: functionResource(),
        OrdersThrottles: {
          Type: 'AWS::CloudWatch::Alarm',
          Properties: {
            ComparisonOperator: 'GreaterThanThreshold',
            Threshold: 0,
            EvaluationPeriods: 1,
            Metrics: [
              {
                Id: 't',
                MetricStat: {
                  Stat: 'Sum',
                  Period: 60,
                  Metric: { Namespace: 'AWS/Lambda', MetricName: 'Throttles', Dimensions: [{ Name: 'FunctionName', Value: 'orders' }] },
                },
              },
            ],
          },
        },
        Custom: {
          Type: 'AWS::CloudWatch::Alarm',
          Properties: {
            Namespace: 'MyApp',
            MetricName: 'Throttles',
            Dimensions: [],
            Statistic: 'Sum',
            Period: 60,
            EvaluationPeriods: 1,
            Threshold: 1,
            ComparisonOperator: 'GreaterThanThreshold',
          },
        },
      },
    });
    expect(rule.check(inputFromText(json)).map((v) => v.resources)).toEqual([['Billing']]);
  });

  it('non-compliant 3: CDK function with an errors alarm but no throttles alarm', () => {
    const t = synth(cdkStack((stack, fn) => fn.metricErrors().createAlarm(stack, 'Errors', { threshold: 1, evaluationPeriods: 1 })));
    const fnId = Object.keys(t.Resources).find((id) => id.startsWith('Handler') && t.Resources[id].Type === 'AWS::Lambda::Function');
    const violations = rule.check(input(t));
    expect(violations.map((v) => v.resources)).toEqual([[fnId]]);
    expect(violations[0].evidence).toHaveLength(1);
  });

  it('compliant: Throttles alarms by Ref and by literal name, an account-wide Throttles alarm, and CDK metricThrottles alarms', () => {
    expect(
      rule.check(
        inputFromText(
          yaml(
            [
              alarm('ApiThrottles', 'Throttles', '[{ Name: FunctionName, Value: !Ref Api }]'),
              alarm('WorkerThrottles', 'Throttles', '[{ Name: FunctionName, Value: worker }]'),
            ].join('\n'),
          ),
        ),
      ),
    ).toEqual([]);
    expect(rule.check(inputFromText(yaml(alarm('AccountThrottles', 'Throttles', '[]'))))).toEqual([]);
    expect(
      rule.check(
        input(synth(cdkStack((stack, fn) => fn.metricThrottles().createAlarm(stack, 'Throttles', { threshold: 1, evaluationPeriods: 1 })))),
      ),
    ).toEqual([]);
    expect(
      rule.check(
        input(
          synth(
            cdkStack(
              (stack, fn) =>
                new cloudwatch.Alarm(stack, 'ThrottleRate', {
                  metric: new cloudwatch.MathExpression({
                    expression: 't / i',
                    usingMetrics: { t: fn.metricThrottles(), i: fn.metricInvocations() },
                  }),
                  threshold: 0.01,
                  evaluationPeriods: 1,
                }),
            ),
          ),
        ),
      ),
    ).toEqual([]);
  });
});
