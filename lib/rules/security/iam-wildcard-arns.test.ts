import { describe, expect, it } from 'vitest';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { inlineFunction, input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './iam-wildcard-arns';

const withPolicy = (statements: string, extra = '') => `
Resources:
  Table: { Type: AWS::DynamoDB::Table }
  Logs: { Type: AWS::Logs::LogGroup }
  Role: { Type: AWS::IAM::Role, Properties: { AssumeRolePolicyDocument: {} } }
  Policy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      Roles: [!Ref Role]
      PolicyDocument:
        Statement:
${statements}${extra}`;

describe('iam-wildcard-arns', () => {
  it('non-compliant 1: table actions on every table and log writes on every log group while the stack defines both', () => {
    const text = withPolicy(`
          - { Effect: Allow, Action: [dynamodb:GetItem, dynamodb:ListTables], Resource: 'arn:aws:dynamodb:*:*:table/*' }
          - { Effect: Allow, Action: [logs:CreateLogGroup, logs:PutLogEvents], Resource: !Sub 'arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:*' }`);
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([
      ['Policy', 'Role'],
      ['Policy', 'Role'],
    ]);
    expect(violations.map((v) => v.evidence?.[0].note)).toEqual([
      'dynamodb:GetItem on every dynamodb resource (arn:aws:dynamodb:*:*:table/*) although the stack defines Table',
      'logs:PutLogEvents on every logs resource (arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:*) although the stack defines Logs',
    ]);
  });

  it('non-compliant 2: object actions on every bucket, in a role inline policy', () => {
    const text = `
Resources:
  Bucket: { Type: AWS::S3::Bucket }
  Role:
    Type: AWS::IAM::Role
    Properties:
      Policies: [{ PolicyName: p, PolicyDocument: { Statement: [{ Effect: Allow, Action: s3:PutObject, Resource: ['arn:aws:s3:::*/*'] }] } }]`;
    const violations = rule.check(inputFromText(text));
    expect(violations[0].evidence?.[0]).toMatchObject({
      path: 'Properties.Policies.0.PolicyDocument.Statement.0.Resource.0',
      note: 's3:PutObject on every s3 resource (arn:aws:s3:::*/*) although the stack defines Bucket',
    });
  });

  it('compliant: specific ARNs, name patterns, listing actions, services the stack does not define, a permissions boundary, a Deny', () => {
    const text = withPolicy(
      `
          - { Effect: Allow, Action: dynamodb:GetItem, Resource: [!GetAtt Table.Arn, !Sub '\${Table.Arn}/index/*'] }
          - { Effect: Allow, Action: logs:PutLogEvents, Resource: !Sub 'arn:aws:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/app-*' }
          - { Effect: Allow, Action: s3:ListAllMyBuckets, Resource: 'arn:aws:s3:::*' }
          - { Effect: Allow, Action: sqs:SendMessage, Resource: 'arn:aws:sqs:*:*:*' }
          - { Effect: Deny, Action: 'dynamodb:*', Resource: 'arn:aws:dynamodb:*:*:table/*' }`,
      `
  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties: { PolicyDocument: { Statement: [{ Effect: Allow, Action: dynamodb:PutItem, Resource: 'arn:aws:dynamodb:*:*:table/*' }] } }
  Bounded: { Type: AWS::IAM::Role, Properties: { PermissionsBoundary: !Ref Boundary } }`,
    );
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('on a CDK-synthesized template', () => {
    const synthesized = synthOnce((stack, ids) => {
      const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
      const scoped = inlineFunction(stack, 'Scoped');
      table.grantReadData(scoped);
      const broad = inlineFunction(stack, 'Broad');
      broad.addToRolePolicy(new iam.PolicyStatement({ actions: ['dynamodb:Query'], resources: [`arn:aws:dynamodb:*:*:table/*`] }));
      ids.broadRole = logicalId(broad.role!);
    });

    it('reports the function given every table, not the one granted its table', () => {
      const violations = rule.check(input(synthesized.template));
      expect(violations.map((v) => v.resources?.at(-1))).toEqual([synthesized.ids.broadRole]);
    });
  });
});
