import { describe, expect, it } from 'vitest';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { bucketWithPolicy, input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './s3-tls-only';

const withPolicy = (statements: string) => bucketWithPolicy(`[${statements}]`);
const denyHttp = (condition: string, action = "'s3:*'") =>
  `{ Effect: Deny, Principal: '*', Action: ${action}, Resource: [!GetAtt Data.Arn, !Sub '\${Data.Arn}/*'], Condition: ${condition} }`;

describe('s3-tls-only', () => {
  it('non-compliant 1: a bucket without a bucket policy', () => {
    const violations = rule.check(inputFromText('Resources:\n  Data: { Type: AWS::S3::Bucket }\n'));
    expect(violations.map((v) => v.resources)).toEqual([['Data']]);
    expect(violations[0].evidence).toEqual([{ resource: 'Data', note: 'no AWS::S3::BucketPolicy references this bucket' }]);
  });

  it('non-compliant 2: a policy that allows reads only, or denies HTTP for an unrelated action', () => {
    const allow = `{ Effect: Allow, Principal: { Service: logging.s3.amazonaws.com }, Action: s3:PutObject, Resource: !Sub '\${Data.Arn}/*' }`;
    expect(rule.check(inputFromText(withPolicy(allow))).map((v) => v.resources)).toEqual([['Data', 'DataPolicy']]);
    const unrelated = denyHttp("{ Bool: { 'aws:SecureTransport': 'false' } }", 's3:PutBucketTagging');
    expect(rule.check(inputFromText(withPolicy(unrelated)))[0].message).toBe(
      "Bucket Data's policy DataPolicy does not deny requests made without TLS (aws:SecureTransport).",
    );
  });

  it('compliant: a Deny on aws:SecureTransport false (string or boolean), or on s3:TlsVersion below 1.2; a website bucket', () => {
    expect(rule.check(inputFromText(withPolicy(denyHttp("{ Bool: { 'aws:SecureTransport': 'false' } }"))))).toEqual([]);
    expect(
      rule.check(inputFromText(withPolicy(denyHttp("{ Bool: { 'aws:securetransport': false } }", '[s3:GetObject, s3:PutObject]')))),
    ).toEqual([]);
    expect(rule.check(inputFromText(withPolicy(denyHttp("{ NumericLessThan: { 's3:TlsVersion': '1.2' } }"))))).toEqual([]);
    const website = 'Resources:\n  Site: { Type: AWS::S3::Bucket, Properties: { WebsiteConfiguration: { IndexDocument: index.html } } }\n';
    expect(rule.check(inputFromText(website))).toEqual([]);
  });

  describe('CDK-synthesized', () => {
    const synthesized = synthOnce((stack, ids) => {
      ids.plain = logicalId(new s3.Bucket(stack, 'Plain'));
      new s3.Bucket(stack, 'Enforced', { enforceSSL: true });
    });

    it('non-compliant: a Bucket left at the CDK default; compliant: enforceSSL', () => {
      expect(rule.check(input(synthesized.template)).map((v) => v.resources)).toEqual([[synthesized.ids.plain]]);
    });
  });
});
