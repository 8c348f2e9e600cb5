import { describe, expect, it } from 'vitest';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { inlineFunction, input, inputFromText, synthOnce } from '../test-util';
import { rule } from './iam-resource-arns';

const resources = `
  Bucket: { Type: AWS::S3::Bucket }
  Table: { Type: AWS::DynamoDB::Table }
  Queue: { Type: AWS::SQS::Queue }
  Logs: { Type: AWS::Logs::LogGroup }`;

const rolePolicy = (statements: string) => `
Resources:${resources}
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
      Policies:
        - PolicyName: app
          PolicyDocument:
            Statement:
${statements}`;

describe('iam-resource-arns', () => {
  it('non-compliant 1: Ref to a bucket, a table and a queue, a Sub built from a bucket name, and a literal name', () => {
    const text = rolePolicy(`
              - { Effect: Allow, Action: s3:GetObject, Resource: !Sub '\${Bucket}/*' }
              - { Effect: Allow, Action: [dynamodb:GetItem, sqs:SendMessage], Resource: [!Ref Table, !Ref Queue] }
              - { Effect: Allow, Action: logs:PutLogEvents, Resource: !Sub '\${Logs}:*' }
              - { Effect: Allow, Action: s3:ListBucket, Resource: my-bucket }`);
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['Role']]);
    expect(violations[0].evidence?.map((e) => e.note)).toEqual([
      'Statement.0.Resource is built from Bucket (the bucket name), not an ARN',
      'Statement.1.Resource.0 is Ref Table (the table name), not an ARN',
      'Statement.1.Resource.1 is Ref Queue (the queue URL), not an ARN',
      'Statement.2.Resource is built from Logs (the log group name), not an ARN',
      'Statement.3.Resource is "my-bucket", not an ARN',
    ]);
    expect(violations[0].evidence?.[1].path).toBe('Properties.Policies.0.PolicyDocument.Statement.1.Resource.0');
  });

  it('non-compliant 2: a bucket policy with object actions on the bucket ARN and bucket actions on its objects only', () => {
    const text = `
Resources:
  Bucket: { Type: AWS::S3::Bucket }
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { AWS: !Ref ReaderArn }, Action: [s3:GetObject, s3:PutObject], Resource: !GetAtt Bucket.Arn }
          - { Effect: Allow, Principal: { AWS: !Ref ReaderArn }, Action: s3:ListBucket, Resource: 'arn:aws:s3:::my-bucket/*' }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['Policy']]);
    expect(violations[0].evidence?.map((e) => e.note)).toEqual([
      'object actions s3:GetObject, s3:PutObject on bucket ARNs only (objects are `<bucket ARN>/*`)',
      'bucket actions s3:ListBucket on object ARNs only (`/*`; the bucket itself is its ARN without a key)',
    ]);
  });

  it('non-compliant 3: a queue policy whose resource is the queue URL attribute', () => {
    const t = {
      Resources: {
        Queue: { Type: 'AWS::SQS::Queue' },
        QueuePolicy: {
          Type: 'AWS::SQS::QueuePolicy',
          Properties: {
            Queues: [{ Ref: 'Queue' }],
            PolicyDocument: {
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { Service: 'sns.amazonaws.com' },
                  Action: 'sqs:SendMessage',
                  Resource: { 'Fn::GetAtt': ['Queue', 'QueueUrl'] },
                },
              ],
            },
          },
        },
      },
    };
    expect(rule.check(input(t))[0].evidence?.[0].note).toBe('Statement.0.Resource is Queue.QueueUrl, not an ARN');
  });

  it('compliant: ARNs from GetAtt, Sub with Arn, topic and secret Refs (ARNs), parameters, "*", and matching S3 levels', () => {
    const text = `${rolePolicy(`
              - { Effect: Allow, Action: [s3:GetObject, s3:ListBucket], Resource: [!GetAtt Bucket.Arn, !Sub '\${Bucket.Arn}/*'] }
              - { Effect: Allow, Action: s3:GetObject, Resource: !Sub 'arn:\${AWS::Partition}:s3:::\${Bucket}/*' }
              - { Effect: Allow, Action: s3:ListBucket, Resource: !Sub 'arn:aws:s3:::\${Bucket}' }
              - { Effect: Allow, Action: s3:GetObject, Resource: 'arn:aws:s3:::my-bucket*' }
              - { Effect: Allow, Action: sns:Publish, Resource: !Ref Topic }
              - { Effect: Allow, Action: secretsmanager:GetSecretValue, Resource: [!Ref Secret, !Ref SecretArnParam] }
              - { Effect: Allow, Action: xray:PutTraceSegments, Resource: '*' }
              - { Effect: Allow, Action: dynamodb:Query, Resource: [!GetAtt Table.Arn, !Sub '\${Table.Arn}/index/*'] }`)}
  Topic: { Type: AWS::SNS::Topic }
  Secret: { Type: AWS::SecretsManager::Secret }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('on a CDK-synthesized template', () => {
    const synthesized = synthOnce((stack) => {
      const bucket = new s3.Bucket(stack, 'Data');
      const queue = new sqs.Queue(stack, 'Jobs');
      const fn = inlineFunction(stack, 'Worker');
      bucket.grantReadWrite(fn);
      queue.grantSendMessages(fn);
    });

    it('finds nothing in grants, which use ARNs at the right level', () => {
      expect(rule.check(input(synthesized.template))).toEqual([]);
    });
  });
});
