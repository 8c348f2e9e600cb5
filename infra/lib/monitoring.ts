import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Props of {@link Monitoring}. */
export interface MonitoringProps {
  fn: lambda.IFunction;
  deadLetterQueue: sqs.IQueue;
}

/**
 * Alarms that fire on the first throttle, the first error, and the first message in the
 * dead-letter queue (1-minute periods, one evaluation period), all notifying one SNS topic
 * encrypted with a customer managed key that CloudWatch may use (it cannot use the AWS managed SNS key).
 */
export class Monitoring extends Construct {
  public readonly alarmTopic: sns.Topic;
  public readonly throttlesAlarm: cloudwatch.Alarm;
  public readonly errorsAlarm: cloudwatch.Alarm;
  public readonly deadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const topicKey = new kms.Key(this, 'AlarmTopicKey', { enableKeyRotation: true, description: 'Encrypts the alarm topic' });
    topicKey.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', { enforceSSL: true, masterKey: topicKey });
    const period = Duration.minutes(1);
    this.throttlesAlarm = this.alarmOn(
      'ThrottlesAlarm',
      props.fn.metricThrottles({ period, statistic: 'Sum' }),
      'The items function was throttled: raise its concurrency or provisioned concurrency.',
    );
    this.errorsAlarm = this.alarmOn(
      'ErrorsAlarm',
      props.fn.metricErrors({ period, statistic: 'Sum' }),
      'The items function returned errors: see its log group.',
    );
    this.deadLetterAlarm = this.alarmOn(
      'DeadLetterAlarm',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      'Failed asynchronous invocations reached the dead-letter queue.',
    );
  }

  /** An alarm at >= 1 over one period that notifies the alarm topic; missing data means healthy. */
  private alarmOn(id: string, metric: cloudwatch.IMetric, description: string): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.alarmTopic));
    return alarm;
  }
}
