import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, it } from 'vitest';
import { Data } from './data';
import { unitStack } from './testing';

function dataTemplate(): Template {
  const stack = unitStack();
  new Data(stack, 'Data');
  return Template.fromStack(stack);
}

describe('Data', () => {
  it('denies PutObject to every principal when the request asks for no server-side encryption', () => {
    dataTemplate().hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 's3:PutObject',
            Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
          }),
        ]),
      },
    });
  });

  it('denies requests that do not use TLS', () => {
    dataTemplate().hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('encrypts the bucket with S3-managed keys and blocks all public access', () => {
    dataTemplate().hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('keys the table by id, bills on demand, encrypts with an AWS-managed key and keeps point-in-time recovery', () => {
    dataTemplate().hasResource('AWS::DynamoDB::Table', {
      Properties: {
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
      },
      DeletionPolicy: 'Delete',
    });
  });
});
