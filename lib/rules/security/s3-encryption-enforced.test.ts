import { describe, expect, it } from 'vitest';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { bucketWithPolicy, input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './s3-encryption-enforced';

describe('s3-encryption-enforced', () => {
  it('non-compliant 1: a bucket without any bucket policy', () => {
    const violations = rule.check(
      inputFromText(
        'Resources:\n  Data: { Type: AWS::S3::Bucket, Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [] } } }\n',
      ),
    );
    expect(violations.map((v) => v.resources)).toEqual([['Data']]);
    expect(violations[0].evidence).toEqual([{ resource: 'Data', note: 'no AWS::S3::BucketPolicy references this bucket' }]);
  });

  it('non-compliant 2: a bucket policy that only denies insecure transport', () => {
    const text = bucketWithPolicy(
      `[{ Effect: Deny, Principal: '*', Action: 's3:*', Resource: !Sub '\${Data.Arn}/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }]`,
    );
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['Data', 'DataPolicy']]);
    expect(violations[0].evidence?.[0]).toMatchObject({ resource: 'DataPolicy', path: 'Properties.PolicyDocument' });
  });

  it('non-compliant 3: statements that allow instead of deny, deny other actions, or deny only when encryption is present', () => {
    const statements = [
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: '*',
        Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
      },
      {
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:GetObject'],
        Resource: '*',
        Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'AES256' } },
      },
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: '*',
        Condition: { Null: { 's3:x-amz-server-side-encryption': 'false' } },
      },
    ];
    const json = {
      Resources: {
        Data: { Type: 'AWS::S3::Bucket' },
        Other: { Type: 'AWS::S3::Bucket' },
        DataPolicy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Data' }, PolicyDocument: { Statement: statements } } },
      },
    };
    expect(rule.check(inputFromText(JSON.stringify(json))).map((v) => v.resources)).toEqual([['Data', 'DataPolicy'], ['Other']]);
  });

  it('compliant: a Deny on s3:Put* with a Null condition, written with single values and other key casing', () => {
    const text = bucketWithPolicy(
      `{ Effect: Deny, Principal: '*', Action: ['s3:Put*'], Resource: !Sub '\${Data.Arn}/*', Condition: { 'null': { 'S3:X-Amz-Server-Side-Encryption': true } } }`,
    );
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  it('compliant: a Deny on * with StringNotEqualsIfExists on the encryption header, by Ref or by literal bucket name (JSON template)', () => {
    const json = {
      Resources: {
        Data: { Type: 'AWS::S3::Bucket' },
        DataPolicy: {
          Type: 'AWS::S3::BucketPolicy',
          Properties: {
            Bucket: { Ref: 'Data' },
            PolicyDocument: {
              Statement: {
                Effect: 'Deny',
                Principal: '*',
                Action: '*',
                Resource: '*',
                Condition: { StringNotEqualsIfExists: { 's3:x-amz-server-side-encryption': ['aws:kms'] } },
              },
            },
          },
        },
      },
    };
    expect(rule.check(inputFromText(JSON.stringify(json)))).toEqual([]);
    const byName = structuredClone(json) as { Resources: Record<string, { Properties?: Record<string, unknown> }> };
    byName.Resources.Data.Properties = { BucketName: 'data-bucket' };
    byName.Resources.DataPolicy.Properties!.Bucket = 'data-bucket';
    expect(rule.check(inputFromText(JSON.stringify(byName)))).toEqual([]);
    byName.Resources.DataPolicy.Properties!.Bucket = 'other-bucket';
    expect(rule.check(inputFromText(JSON.stringify(byName))).map((v) => v.resources)).toEqual([['Data']]);
    expect(rule.check(input(undefined))).toEqual([]);
  });

  describe('on a CDK-synthesized stack', () => {
    const cdk = synthOnce((stack, ids) => {
      const bucket = (name: string, props: s3.BucketProps = {}) => {
        const b = new s3.Bucket(stack, name, props);
        ids[name] = logicalId(b);
        return b;
      };
      bucket('Plain');
      bucket('SslOnly', { enforceSSL: true });
      const enforced = bucket('Enforced', { encryption: s3.BucketEncryption.S3_MANAGED });
      enforced.addToResourcePolicy(
        new iam.PolicyStatement({
          effect: iam.Effect.DENY,
          principals: [new iam.AnyPrincipal()],
          actions: ['s3:PutObject'],
          resources: [enforced.arnForObjects('*')],
          conditions: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
        }),
      );
    });

    it('non-compliant 1: a bucket without a policy and a bucket whose policy only enforces SSL', () => {
      const flagged = rule.check(input(cdk.template)).map((v) => v.resources?.[0]);
      expect(flagged.sort()).toEqual([cdk.ids.Plain, cdk.ids.SslOnly].sort());
    });

    it('compliant: a bucket with a Deny s3:PutObject statement added through addToResourcePolicy', () => {
      expect(rule.check(input(cdk.template)).flatMap((v) => v.resources)).not.toContain(cdk.ids.Enforced);
    });
  });
});
