import { describe, expect, it } from 'vitest';
import { functionResource, poldoc, resource, template } from '../rules/test-util';
import { differenceFindings } from './index';
import { alignment } from './test-util';

// Noise first: differences that do not matter produce nothing.
describe('differenceFindings: no noise', () => {
  const reference = template(
    {
      Queue: resource('AWS::SQS::Queue', { VisibilityTimeout: 60 }),
      Fn: functionResource({ DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': ['Queue', 'Arn'] } }, Timeout: 10 }),
      Policy: resource('AWS::IAM::Policy', {
        PolicyDocument: poldoc({
          Effect: 'Allow',
          Action: ['sqs:SendMessage', 'sqs:GetQueueUrl'],
          Resource: { 'Fn::GetAtt': ['Queue', 'Arn'] },
        }),
      }),
      CDKMetadata: resource('AWS::CDK::Metadata', { Analytics: 'v2:deflate64:abc' }),
    },
    {
      Parameters: { BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>' }, AssetParametersabcS3Bucket: { Type: 'String' } },
      Conditions: { CDKMetadataAvailable: { 'Fn::Equals': ['a', 'a'] } },
    },
  );

  it('finds nothing between a template and itself', () => {
    expect(differenceFindings(reference, reference, alignment(reference, reference))).toEqual([]);
  });

  it('finds nothing for metadata, CDK bookkeeping, ordering, intrinsic forms, paired references and defaults written out', () => {
    const model = template({
      Policy1A2B3C4D: resource('AWS::IAM::Policy', {
        PolicyDocument: poldoc({
          Resource: { 'Fn::Sub': '${DeadLetters9F8E7D6C.Arn}' },
          Action: ['sqs:GetQueueUrl', 'sqs:SendMessage'],
          Effect: 'Allow',
        }),
      }),
      Handler: {
        ...functionResource({
          Timeout: '10',
          DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': 'DeadLetters9F8E7D6C.Arn' } },
          MemorySize: 128,
        }),
        Metadata: { 'aws:cdk:path': 'Stack/Handler/Resource' },
        DeletionPolicy: 'Delete',
      },
      DeadLetters9F8E7D6C: resource('AWS::SQS::Queue', { VisibilityTimeout: 60, MessageRetentionPeriod: 345600 }),
    });
    const pairs = { Queue: 'DeadLetters9F8E7D6C', Fn: 'Handler', Policy: 'Policy1A2B3C4D' };
    expect(differenceFindings(reference, model, alignment(reference, model, pairs))).toEqual([]);
  });
});

describe('differenceFindings', () => {
  it('reports each kind of difference as a finding with both sides in its evidence and a fix', () => {
    const ref = template({
      Bucket: resource('AWS::S3::Bucket', { VersioningConfiguration: { Status: 'Enabled' } }),
      Key: resource('AWS::KMS::Key'),
    });
    const model = template({ Bucket: resource('AWS::S3::Bucket'), Extra: resource('AWS::SNS::Topic') });
    const findings = differenceFindings(ref, model, alignment(ref, model));
    expect(findings.map((f) => f.rule).sort()).toEqual(['difference/extra-resource', 'difference/missing-resource', 'difference/property']);
    for (const f of findings) {
      expect(f.source).toBe('reference-diff');
      expect(f.fix).toBeTruthy();
      expect(f.evidence?.length).toBeGreaterThan(0);
    }
    expect(ref.Resources.Bucket.Properties).toEqual({ VersioningConfiguration: { Status: 'Enabled' } });
  });
});
