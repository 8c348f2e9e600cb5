import { describe, expect, it } from 'vitest';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './customer-key-not-applied';

/** A key `Key` whose policy has the statement `grant` (YAML flow), then `extra` resources (YAML). */
const keyed = (grant: string, extra: string) => `
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - { Effect: Allow, Principal: { AWS: !Sub 'arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root' }, Action: 'kms:*', Resource: '*' }
          - ${grant}
${extra}`;
const logsGrant = `{ Effect: Allow, Principal: { Service: !Sub 'logs.\${AWS::Region}.amazonaws.com' }, Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:GenerateDataKey*'], Resource: '*' }`;
const dynamoGrant = `{ Effect: Allow, Principal: { AWS: '*' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*', Condition: { StringEquals: { 'kms:ViaService': !Sub 'dynamodb.\${AWS::Region}.amazonaws.com' } } }`;

describe('customer-key-not-applied', () => {
  it('non-compliant 1: a log group without KmsKeyId beside a key granted to CloudWatch Logs', () => {
    const text = keyed(
      logsGrant,
      `  Encrypted: { Type: AWS::Logs::LogGroup, Properties: { KmsKeyId: !GetAtt Key.Arn } }\n  Plain: { Type: AWS::Logs::LogGroup, Properties: { RetentionInDays: 7 } }\n`,
    );
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['Plain', 'Key']]);
    expect(violations[0].evidence?.[0]).toEqual({
      resource: 'Plain',
      path: 'Properties.KmsKeyId',
      note: 'not set: the AWS owned or managed key is used',
    });
  });

  it('non-compliant 2: a table with the AWS managed key beside a key for use through DynamoDB', () => {
    const text = keyed(dynamoGrant, `  Table: { Type: AWS::DynamoDB::Table, Properties: { SSESpecification: { SSEEnabled: true } } }\n`);
    expect(rule.check(inputFromText(text)).map((v) => v.resources)).toEqual([['Table', 'Key']]);
  });

  it('compliant: resources that use a key, keys granted to other services, a denied service, or no key at all', () => {
    const table = `  Table: { Type: AWS::DynamoDB::Table, Properties: { SSESpecification: { SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !Ref Key } } }\n`;
    expect(rule.check(inputFromText(keyed(dynamoGrant, table)))).toEqual([]);
    const group = `  Plain: { Type: AWS::Logs::LogGroup, Properties: {} }\n  Table: { Type: AWS::DynamoDB::Table, Properties: {} }\n`;
    expect(
      rule.check(
        inputFromText(keyed(`{ Effect: Allow, Principal: { Service: sns.amazonaws.com }, Action: 'kms:Decrypt', Resource: '*' }`, group)),
      ),
    ).toEqual([]);
    expect(rule.check(inputFromText(keyed(logsGrant.replace('Effect: Allow', 'Effect: Deny'), group)))).toEqual([]);
    expect(rule.check(inputFromText(`Resources:\n${group}`))).toEqual([]);
  });

  describe('CDK-synthesized', () => {
    const synthesized = synthOnce((stack, ids) => {
      const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
      key.grantEncryptDecrypt(new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`));
      new logs.LogGroup(stack, 'Encrypted', { encryptionKey: key });
      ids.plain = logicalId(new logs.LogGroup(stack, 'Plain'));
      ids.key = logicalId(key);
      new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
    });

    it('non-compliant: a log group left without the key granted to CloudWatch Logs; compliant: the one given it, and a table (no DynamoDB grant)', () => {
      expect(rule.check(input(synthesized.template)).map((v) => v.resources)).toEqual([[synthesized.ids.plain, synthesized.ids.key]]);
    });
  });
});
