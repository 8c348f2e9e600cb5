import { describe, expect, it } from 'vitest';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { input, inputFromText, synthOnce } from '../test-util';
import { rule } from './iam-principals';

const trust = (principal: string, condition = '') => `
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: ${principal}, Action: sts:AssumeRole${condition} }]`;

describe('iam-principals', () => {
  it('non-compliant 1: a misspelled service principal, a service under AWS, and an ARN under Service', () => {
    const text = `Resources:${trust("{ Service: [lambda.amazon.com, 'arn:aws:iam::123456789012:root'], AWS: ec2.amazonaws.com }")}`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['Role']]);
    expect(violations[0].evidence?.map((e) => [e.path, e.note])).toEqual([
      [
        'Properties.AssumeRolePolicyDocument.Statement.0.Principal.Service.0',
        '"lambda.amazon.com" is not a service principal (expected <service>.amazonaws.com)',
      ],
      [
        'Properties.AssumeRolePolicyDocument.Statement.0.Principal.Service.1',
        '"arn:aws:iam::123456789012:root" is not a service principal (an ARN, account or * belongs under AWS)',
      ],
      [
        'Properties.AssumeRolePolicyDocument.Statement.0.Principal.AWS',
        'the service ec2.amazonaws.com is written as an AWS principal (it belongs under Service)',
      ],
    ]);
  });

  it('non-compliant 2: a role anyone can assume, a queue policy open to everyone, a permission for a malformed service', () => {
    const text = `
Resources:${trust("{ AWS: '*' }")}
  Queue: { Type: AWS::SQS::Queue }
  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument: { Statement: [{ Effect: Allow, Principal: '*', Action: sqs:SendMessage, Resource: !GetAtt Queue.Arn }] }
  Permission:
    Type: AWS::Lambda::Permission
    Properties: { Action: lambda:InvokeFunction, FunctionName: f, Principal: 's3.amazonaws.com ' }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => [v.resources, v.evidence?.map((e) => e.note)])).toEqual([
      [['Role'], ['Allow to principal * without a condition: anyone can assume the role']],
      [['QueuePolicy'], ['Allow to principal * without a condition: anyone can use it']],
      [['Permission'], ['"s3.amazonaws.com " is not a service principal (expected <service>.amazonaws.com)']],
    ]);
  });

  it('compliant: regional and China service principals, conditioned wildcards, public reads of objects, denies', () => {
    const text = `
Resources:${trust("{ Service: [!Sub 'logs.\${AWS::Region}.amazonaws.com', states.amazonaws.com.cn, alexa-appkit.amazon.com] }")}
  Bucket: { Type: AWS::S3::Bucket }
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - { Effect: Allow, Principal: '*', Action: s3:GetObject, Resource: !Sub '\${Bucket.Arn}/*' }
          - { Effect: Deny, Principal: '*', Action: 's3:*', Resource: !Sub '\${Bucket.Arn}/*', Condition: { Bool: { aws:SecureTransport: false } } }
          - { Effect: Allow, Principal: { AWS: '*' }, Action: s3:PutObject, Resource: !Sub '\${Bucket.Arn}/*', Condition: { StringEquals: { aws:PrincipalOrgID: o-abc } } }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('on a CDK-synthesized template', () => {
    const synthesized = synthOnce((stack) => {
      const topic = new sns.Topic(stack, 'Topic');
      topic.grantPublish(new iam.ServicePrincipal('events.amazonaws.com'));
      const bucket = new s3.Bucket(stack, 'Bucket', { enforceSSL: true });
      bucket.grantRead(new iam.AccountRootPrincipal());
      new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    });

    it('finds nothing in the principals the CDK writes', () => {
      expect(rule.check(input(synthesized.template))).toEqual([]);
    });
  });
});
