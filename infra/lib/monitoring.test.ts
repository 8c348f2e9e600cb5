import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { Monitoring } from './monitoring';
import { unitStack } from './testing';

function monitoringUnit() {
  const stack = unitStack();
  const fn = new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.PYTHON_3_12,
    handler: 'index.handler',
    code: lambda.Code.fromInline('def handler(e, c): pass'),
  });
  const deadLetterQueue = new sqs.Queue(stack, 'Dlq');
  new Monitoring(stack, 'Monitoring', { fn, deadLetterQueue });
  return { template: Template.fromStack(stack), fnId: stack.getLogicalId(fn.node.defaultChild as lambda.CfnFunction) };
}

const firesOnFirstDatapoint = {
  Period: 60,
  EvaluationPeriods: 1,
  DatapointsToAlarm: 1,
  Threshold: 1,
  ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  TreatMissingData: 'notBreaching',
};

describe('Monitoring', () => {
  it.each(['Throttles', 'Errors'])("alarms on the function's own %s metric at the first datapoint of a minute", (metric) => {
    const { template, fnId } = monitoringUnit();
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: metric,
      Statistic: 'Sum',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }],
      ...firesOnFirstDatapoint,
    });
  });

  it('alarms when a message reaches the dead-letter queue', () => {
    monitoringUnit().template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      ...firesOnFirstDatapoint,
    });
  });

  it('sends every alarm to the alarm topic', () => {
    const { template } = monitoringUnit();
    const topicId = Object.keys(template.findResources('AWS::SNS::Topic'))[0]!;
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(3);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny' })]) },
    });
  });
});
