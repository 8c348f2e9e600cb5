import { describe, expect, it } from 'vitest';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Stack } from 'aws-cdk-lib';
import { functionResource, functionYaml, inlineFunction, input, inputFromText, synth } from '../test-util';
import { rule } from './lambda-dead-letter-queue';

/** A queue and a function `Fn` (with extra properties), followed by other resources. */
const yaml = (fnExtra: string, more = '') => `
Resources:
  Queue: { Type: AWS::SQS::Queue }
${functionYaml('Fn', fnExtra)}
${more}`;

const onFailure = { OnFailure: { Destination: { 'Fn::GetAtt': ['Queue', 'Arn'] } } };

/** A CDK function with the given extra props. */
const cdkStack =
  (props: (stack: Stack) => Partial<lambda.FunctionProps> = () => ({})) =>
  (stack: Stack) => {
    inlineFunction(stack, 'Handler', props(stack));
  };

describe('lambda-dead-letter-queue', () => {
  it('non-compliant 1: YAML function with no DeadLetterConfig and an EventInvokeConfig that only has OnSuccess', () => {
    const config = `  Async:
    Type: AWS::Lambda::EventInvokeConfig
    Properties: { FunctionName: !Ref Fn, Qualifier: $LATEST, DestinationConfig: { OnSuccess: { Destination: !GetAtt Queue.Arn } } }`;
    const violations = rule.check(inputFromText(yaml('', config)));
    expect(violations.map((v) => v.resources)).toEqual([['Fn']]);
    expect(violations[0].evidence).toEqual([
      { resource: 'Fn', path: 'Properties.DeadLetterConfig.TargetArn', note: 'no dead-letter queue' },
      { resource: 'Async', path: 'Properties.DestinationConfig.OnFailure', note: 'Async configures Fn without an on-failure destination' },
    ]);
  });

  it('non-compliant 2: JSON with one protected function and two unprotected ones (a DLQ config without TargetArn, a mapping without OnFailure)', () => {
    const json = JSON.stringify({
      Resources: {
        Queue: { Type: 'AWS::SQS::Queue' },
        Safe: functionResource({ DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': ['Queue', 'Arn'] } } }),
        Empty: functionResource({ DeadLetterConfig: {} }),
        Consumer: functionResource({ FunctionName: 'consumer' }),
        Mapping: {
          Type: 'AWS::Lambda::EventSourceMapping',
          Properties: { FunctionName: 'consumer', EventSourceArn: { 'Fn::GetAtt': ['Queue', 'Arn'] } },
        },
        Other: functionResource(),
        OtherAsync: {
          Type: 'AWS::Lambda::EventInvokeConfig',
          Properties: { FunctionName: { Ref: 'Other' }, Qualifier: '$LATEST', DestinationConfig: onFailure },
        },
      },
    });
    const violations = rule.check(inputFromText(json));
    expect(violations.map((v) => v.resources)).toEqual([['Empty'], ['Consumer']]);
    expect(violations[1].evidence?.[1]).toMatchObject({ resource: 'Mapping' });
  });

  it("non-compliant 3: CDK function without a DLQ (CDK's own LogRetention handler is not reported)", () => {
    const t = synth(cdkStack(() => ({ logRetention: logs.RetentionDays.ONE_WEEK })));
    const fnId = Object.keys(t.Resources).find((id) => id.startsWith('Handler') && t.Resources[id].Type === 'AWS::Lambda::Function');
    expect(Object.keys(t.Resources).some((id) => id.startsWith('LogRetention') && t.Resources[id].Type === 'AWS::Lambda::Function')).toBe(
      true,
    );
    expect(rule.check(input(t)).map((v) => v.resources)).toEqual([[fnId]]);
  });

  it('compliant: DeadLetterConfig, EventInvokeConfig OnFailure (through an alias), EventSourceMapping OnFailure, CDK DLQ and destination', () => {
    expect(rule.check(inputFromText(yaml('      DeadLetterConfig: { TargetArn: !GetAtt Queue.Arn }')))).toEqual([]);
    const alias = `  Version: { Type: AWS::Lambda::Version, Properties: { FunctionName: !Ref Fn } }
  Live: { Type: AWS::Lambda::Alias, Properties: { FunctionName: !Ref Fn, FunctionVersion: !GetAtt Version.Version, Name: live } }
  Async:
    Type: AWS::Lambda::EventInvokeConfig
    Properties: { FunctionName: !Ref Live, Qualifier: live, DestinationConfig: { OnFailure: { Destination: !GetAtt Queue.Arn } } }`;
    expect(rule.check(inputFromText(yaml('', alias)))).toEqual([]);
    const json = JSON.stringify({
      Resources: {
        Queue: { Type: 'AWS::SQS::Queue' },
        Consumer: functionResource({ FunctionName: 'consumer' }),
        Mapping: {
          Type: 'AWS::Lambda::EventSourceMapping',
          Properties: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:consumer', DestinationConfig: onFailure },
        },
      },
    });
    expect(rule.check(inputFromText(json))).toEqual([]);
    expect(rule.check(input(synth(cdkStack(() => ({ deadLetterQueueEnabled: true })))))).toEqual([]);
    expect(
      rule.check(input(synth(cdkStack((stack) => ({ onFailure: new destinations.SqsDestination(new sqs.Queue(stack, 'Failures')) }))))),
    ).toEqual([]);
  });
});
