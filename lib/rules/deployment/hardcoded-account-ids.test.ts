import { describe, expect, it } from 'vitest';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { input, inputFromText, synthOnce } from '../test-util';
import { rule } from './hardcoded-account-ids';

describe('hardcoded-account-ids', () => {
  it('non-compliant 1: an account in a policy ARN and a bare source account of a permission', () => {
    const text = `
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument: { Statement: [{ Effect: Allow, Action: sqs:SendMessage, Resource: 'arn:aws:sqs:us-east-1:342597974367:jobs' }] }
  Permission:
    Type: AWS::Lambda::Permission
    Properties: { Action: lambda:InvokeFunction, FunctionName: f, Principal: s3.amazonaws.com, SourceAccount: '342597974367' }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => [v.resources, v.message])).toEqual([
      [['Role'], 'Role hardcodes the account ID 342597974367 instead of ${AWS::AccountId}.'],
      [['Permission'], 'Permission hardcodes the account ID 342597974367 instead of ${AWS::AccountId}.'],
    ]);
    expect(violations[1].evidence?.[0]).toMatchObject({
      path: 'Properties.SourceAccount',
      note: 'account ID 342597974367 written literally',
    });
  });

  it('non-compliant 2: placeholder accounts as a trusted principal and as parameter defaults', () => {
    const text = `
Parameters:
  DevAccountId: { Type: String, Default: '111111111111' }
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { AWS: !Sub 'arn:\${AWS::Partition}:iam::123456789012:root' }, Action: sts:AssumeRole }]`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['DevAccountId'], ['Role']]);
    expect(violations[0].message).toBe(
      'Parameter DevAccountId hardcodes the account ID 111111111111 instead of ${AWS::AccountId} (a placeholder: IAM rejects principals in accounts that do not exist).',
    );
    expect(violations[1].evidence?.[0].note).toBe('placeholder account ID 123456789012 written literally');
  });

  it('compliant: AWS::AccountId, the ELB log-delivery account, an AWS-published layer, a 12-digit value that is no account', () => {
    const text = `
Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: logs
      PolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { AWS: 'arn:aws:iam::127311923021:root' }, Action: s3:PutObject, Resource: !Sub 'arn:aws:s3:::logs/AWSLogs/\${AWS::AccountId}/*' }
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Layers: ['arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension:38']
      MemorySize: 1024
      Environment: { Variables: { ORDER_SEQUENCE_START: '100000000000' } }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('on a CDK-synthesized template', () => {
    const synthesized = synthOnce((stack) => {
      const queue = new sqs.Queue(stack, 'Queue');
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
      queue.grantConsumeMessages(role);
    });

    it('leaves the account the CDK resolves for a stack bound to an environment alone', () => {
      expect(JSON.stringify(synthesized.template)).toContain('123456789012');
      expect(rule.check(input(synthesized.template))).toEqual([]);
    });
  });
});
