import { describe, expect, it } from 'vitest';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { bucketWithPolicy, input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './s3-public-access-block';

describe('s3-public-access-block', () => {
  it('non-compliant 1: a bucket without PublicAccessBlockConfiguration', () => {
    const violations = rule.check(inputFromText('Resources:\n  Data: { Type: AWS::S3::Bucket }\n'));
    expect(violations.map((v) => v.resources)).toEqual([['Data']]);
    expect(violations[0].evidence).toEqual([{ resource: 'Data', path: 'Properties.PublicAccessBlockConfiguration', note: 'missing' }]);
  });

  it('non-compliant 3: a bucket whose policy grants reads only under a condition is not public on purpose', () => {
    const text = bucketWithPolicy(
      `[{ Effect: Allow, Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceVpce': vpce-1 } } }]`,
    );
    expect(rule.check(inputFromText(text)).map((v) => v.resources)).toEqual([['Data']]);
  });

  it('non-compliant 2: a configuration that turns a setting off or leaves one out', () => {
    const text = `
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: 'false', IgnorePublicAcls: true }
`;
    const violations = rule.check(inputFromText(text));
    expect(violations[0].message).toContain('BlockPublicPolicy, RestrictPublicBuckets');
    expect(violations[0].evidence?.map((e) => e.path)).toEqual([
      'Properties.PublicAccessBlockConfiguration.BlockPublicPolicy',
      'Properties.PublicAccessBlockConfiguration.RestrictPublicBuckets',
    ]);
  });

  it('compliant: all four settings true, a website or public-read bucket, or settings decided by a condition', () => {
    const text = `
Conditions: { Open: !Equals [!Ref AWS::Region, us-east-1] }
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: 'true' }
  Site: { Type: AWS::S3::Bucket, Properties: { WebsiteConfiguration: { IndexDocument: index.html } } }
  Maybe: { Type: AWS::S3::Bucket, Properties: { PublicAccessBlockConfiguration: !If [Open, !Ref AWS::NoValue, { BlockPublicAcls: true }] } }
  Assets: { Type: AWS::S3::Bucket, Properties: { PublicAccessBlockConfiguration: { BlockPublicAcls: false, BlockPublicPolicy: false } } }
  AssetsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Assets
      PolicyDocument: { Statement: [{ Effect: Allow, Principal: '*', Action: 's3:GetObject', Resource: !Sub '\${Assets.Arn}/*' }] }
`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('CDK-synthesized', () => {
    const synthesized = synthOnce((stack, ids) => {
      ids.open = logicalId(new s3.Bucket(stack, 'Open'));
      new s3.Bucket(stack, 'Blocked', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
    });

    it('non-compliant: a bucket left at the CDK default; compliant: BLOCK_ALL', () => {
      expect(rule.check(input(synthesized.template)).map((v) => v.resources)).toEqual([[synthesized.ids.open]]);
    });
  });
});
