import { describe, expect, it } from 'vitest';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './sns-topic-encryption';

const alarm = (topic: string) =>
  `  Alarm: { Type: AWS::CloudWatch::Alarm, Properties: { MetricName: Errors, Namespace: AWS/Lambda, Statistic: Sum, Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: GreaterThanThreshold, AlarmActions: [${topic}] } }\n`;

describe('sns-topic-encryption', () => {
  it('non-compliant 1: a topic without KmsMasterKeyId', () => {
    const violations = rule.check(inputFromText('Resources:\n  Topic: { Type: AWS::SNS::Topic, Properties: { TopicName: events } }\n'));
    expect(violations.map((v) => v.resources)).toEqual([['Topic']]);
    expect(violations[0].evidence).toEqual([{ resource: 'Topic', path: 'Properties.KmsMasterKeyId', note: 'not set' }]);
  });

  it('non-compliant 2: an alarm topic encrypted with the AWS managed key (alias or alias ARN)', () => {
    const text = `Resources:\n  Topic: { Type: AWS::SNS::Topic, Properties: { KmsMasterKeyId: alias/aws/sns } }\n${alarm('!Ref Topic')}`;
    const [violation] = rule.check(inputFromText(text));
    expect(violation.message).toContain('AWS managed key alias/aws/sns, which CloudWatch cannot use');
    const arn = `Resources:\n  Topic: { Type: AWS::SNS::Topic, Properties: { KmsMasterKeyId: !Sub 'arn:\${AWS::Partition}:kms:\${AWS::Region}:\${AWS::AccountId}:alias/aws/sns' } }\n${alarm('!Ref Topic')}`;
    expect(rule.check(inputFromText(arn)).map((v) => v.resources)).toEqual([['Topic']]);
  });

  it('compliant: a customer key; the AWS managed key on a topic no alarm notifies; a key decided by a condition', () => {
    const text = `
Resources:
  Key: { Type: AWS::KMS::Key, Properties: { EnableKeyRotation: true } }
  Alarmed: { Type: AWS::SNS::Topic, Properties: { KmsMasterKeyId: !Ref Key } }
  AppTopic: { Type: AWS::SNS::Topic, Properties: { KmsMasterKeyId: alias/aws/sns } }
  Decided: { Type: AWS::SNS::Topic, Properties: { KmsMasterKeyId: !If [Prod, !Ref Key, !Ref AWS::NoValue] } }
${alarm('!Ref Alarmed')}`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('CDK-synthesized', () => {
    const synthesized = synthOnce((stack, ids) => {
      const plain = new sns.Topic(stack, 'Plain');
      ids.plain = logicalId(plain);
      const managed = new sns.Topic(stack, 'Managed', { masterKey: kms.Alias.fromAliasName(stack, 'SnsKey', 'alias/aws/sns') });
      ids.managed = logicalId(managed);
      const encrypted = new sns.Topic(stack, 'Encrypted', { masterKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }) });
      const metric = new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName: 'Errors' });
      const alarmOf = (id: string) => new cloudwatch.Alarm(stack, id, { metric, threshold: 1, evaluationPeriods: 1 });
      alarmOf('ManagedAlarm').addAlarmAction(new actions.SnsAction(managed));
      alarmOf('EncryptedAlarm').addAlarmAction(new actions.SnsAction(encrypted));
    });

    it('non-compliant: a Topic without masterKey, an alarm topic with alias/aws/sns; compliant: a customer key', () => {
      expect(rule.check(input(synthesized.template)).map((v) => v.resources)).toEqual([[synthesized.ids.plain], [synthesized.ids.managed]]);
    });
  });
});
