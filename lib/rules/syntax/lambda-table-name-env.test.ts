import { describe, expect, it } from 'vitest';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Stack } from 'aws-cdk-lib';
import { functionYaml, inlineFunction, input, inputFromText, synth } from '../test-util';
import { rule } from './lambda-table-name-env';

const ROLE_TRUST = `AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }`;

/** A table, a role with an inline DynamoDB policy on it, and a function with the given extra properties. */
const yaml = (functionExtra: string) => `
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
  Role:
    Type: AWS::IAM::Role
    Properties:
      ${ROLE_TRUST}
      Policies:
        - PolicyName: data
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [dynamodb:GetItem, dynamodb:PutItem]
                Resource: !GetAtt Table.Arn
${functionYaml('Fn', functionExtra, '!GetAtt Role.Arn')}`;

const fnProps = { Runtime: 'python3.12', Handler: 'index.handler', Code: { ZipFile: 'x' } };
const table = (name?: string) => ({
  Type: 'AWS::DynamoDB::Table',
  Properties: { ...(name ? { TableName: name } : {}), KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] },
});
const role = { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } };

/** A CDK function that can read and write a table, with `environment` built from the table. */
const cdkStack = (environment?: (t: dynamodb.Table) => Record<string, string>) => (stack: Stack) => {
  const t = new dynamodb.Table(stack, 'Orders', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
  t.grantReadWriteData(inlineFunction(stack, 'Handler', { environment: environment?.(t) }));
};

describe('lambda-table-name-env', () => {
  it('non-compliant 1: YAML function whose role has an inline DynamoDB policy on the table, without environment variables', () => {
    const violations = rule.check(inputFromText(yaml('')));
    expect(violations.map((v) => v.resources)).toEqual([['Fn', 'Table']]);
    expect(violations[0].message).toMatch(/Fn can access the DynamoDB table\(s\) Table through its role Role/);
    expect(violations[0].evidence?.[0]).toEqual({
      resource: 'Fn',
      path: 'Properties.Environment.Variables',
      note: 'the function has no environment variables',
    });
    expect(violations[0].evidence?.[1]).toMatchObject({ resource: 'Role', path: 'Properties.Policies.0.PolicyDocument.Statement.0' });
  });

  it('non-compliant 2: JSON AWS::IAM::Policy on Resource "*" and a ManagedPolicy with a literal table ARN; variables name other things', () => {
    const json = JSON.stringify({
      Resources: {
        Orders: table(),
        Users: table('users'),
        Other: table('other'),
        RoleA: role,
        RoleB: role,
        PolicyA: {
          Type: 'AWS::IAM::Policy',
          Properties: {
            PolicyName: 'p',
            Roles: [{ Ref: 'RoleA' }],
            PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' }] },
          },
        },
        Managed: {
          Type: 'AWS::IAM::ManagedPolicy',
          Properties: {
            PolicyDocument: {
              Statement: [{ Effect: 'Allow', Action: ['dynamodb:Query'], Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/us*' }],
            },
          },
        },
        RoleC: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, ManagedPolicyArns: [{ Ref: 'Managed' }] } },
        FnA: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            ...fnProps,
            Role: { 'Fn::GetAtt': ['RoleA', 'Arn'] },
            Environment: { Variables: { STAGE: 'prod', USERS: 'users' } },
          },
        },
        FnB: { Type: 'AWS::Lambda::Function', Properties: { ...fnProps, Role: { 'Fn::GetAtt': ['RoleB', 'Arn'] } } },
        FnC: { Type: 'AWS::Lambda::Function', Properties: { ...fnProps, Role: { 'Fn::GetAtt': ['RoleC', 'Arn'] } } },
      },
    });
    const violations = rule.check(inputFromText(json));
    expect(violations.map((v) => v.resources)).toEqual([
      ['FnA', 'Orders', 'Other'],
      ['FnC', 'Users'],
    ]);
    expect(violations[0].evidence?.[0]).toMatchObject({
      path: 'Properties.Environment.Variables',
      value: { STAGE: 'prod', USERS: 'users' },
    });
    expect(violations[1].evidence?.[1]).toMatchObject({ resource: 'Managed', path: 'Properties.PolicyDocument.Statement.0' });
  });

  it('non-compliant 3: CDK function granted read/write on a table without a table-name variable', () => {
    const t = synth(cdkStack(() => ({ LOG_LEVEL: 'INFO' })));
    const fnId = Object.keys(t.Resources).find((id) => id.startsWith('Handler') && t.Resources[id].Type === 'AWS::Lambda::Function');
    const tableId = Object.keys(t.Resources).find((id) => id.startsWith('Orders'));
    const violations = rule.check(input(t));
    expect(violations.map((v) => v.resources)).toEqual([[fnId, tableId]]);
    expect(violations[0].evidence?.[1].resource).toMatch(/^HandlerServiceRoleDefaultPolicy/);
  });

  it('compliant: the table name is passed (Ref, Sub, Join, literal) or the role has no DynamoDB access to it', () => {
    expect(rule.check(inputFromText(yaml('      Environment: { Variables: { DYNAMODB_TABLE_NAME: !Ref Table } }')))).toEqual([]);
    expect(rule.check(inputFromText(yaml('      Environment: { Variables: { TABLE_ARN: !Sub "${Table.Arn}/index/*" } }')))).toEqual([]);
    const json = JSON.stringify({
      Resources: {
        Users: table('users'),
        Orders: table(),
        RoleA: role,
        RoleB: role,
        PolicyA: {
          Type: 'AWS::IAM::Policy',
          Properties: {
            Roles: [{ Ref: 'RoleA' }],
            PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' }] },
          },
        },
        PolicyB: {
          Type: 'AWS::IAM::Policy',
          Properties: {
            Roles: [{ Ref: 'RoleB' }],
            PolicyDocument: {
              Statement: [
                { Effect: 'Deny', Action: 'dynamodb:*', Resource: '*' },
                { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
              ],
            },
          },
        },
        FnA: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            ...fnProps,
            Role: { 'Fn::GetAtt': ['RoleA', 'Arn'] },
            Environment: {
              Variables: {
                USERS: 'users',
                ORDERS: { 'Fn::Join': ['', ['table-', { Ref: 'Orders' }]] },
              },
            },
          },
        },
        FnB: { Type: 'AWS::Lambda::Function', Properties: { ...fnProps, Role: { 'Fn::GetAtt': ['RoleB', 'Arn'] } } },
        FnImported: { Type: 'AWS::Lambda::Function', Properties: { ...fnProps, Role: 'arn:aws:iam::123456789012:role/external' } },
      },
    });
    expect(rule.check(inputFromText(json))).toEqual([]);
    expect(rule.check(input(synth(cdkStack((tbl) => ({ DYNAMODB_TABLE_NAME: tbl.tableName })))))).toEqual([]);
  });
});
