import { describe, expect, it } from 'vitest';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { inlineFunction, input, inputFromText, logicalId, synthOnce } from '../test-util';
import { rule } from './iam-least-privilege';

const role = (policies = '', managed = '') => `
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
${policies ? `      Policies: ${policies}` : ''}
${managed ? `      ManagedPolicyArns: ${managed}` : ''}`;

describe('iam-least-privilege', () => {
  it('non-compliant 1: a role inline policy granting dynamodb:* and s3:* on every resource', () => {
    const text = `Resources:${role("[{ PolicyName: app, PolicyDocument: { Statement: [{ Effect: Allow, Action: ['dynamodb:*', 's3:*'], Resource: '*' }] } }]")}`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['Role']]);
    expect(violations[0].message).toBe(
      'Role allows wildcard actions dynamodb:*, s3:*; and data-service actions dynamodb:*, s3:* on Resource "*".',
    );
    expect(violations[0].evidence?.map((e) => e.path)).toEqual([
      'Properties.Policies.0.PolicyDocument.Statement.0.Action',
      'Properties.Policies.0.PolicyDocument.Statement.0.Resource',
    ]);
  });

  it('non-compliant 2: a data-service action with "*" among its resources, in a policy attached to a role', () => {
    const text = `Resources:${role()}
  Table: { Type: AWS::DynamoDB::Table }
  Pol:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: pol
      Roles: [!Ref Role]
      PolicyDocument:
        Statement:
          - { Effect: Allow, Action: [xray:PutTraceSegments, ec2:CreateNetworkInterface], Resource: '*' }
          - { Effect: Allow, Action: dynamodb:GetItem, Resource: [!GetAtt Table.Arn, '*'] }
          - { Effect: Deny, Action: '*', Resource: '*' }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['Pol', 'Role']]);
    expect(violations[0].message).toContain('dynamodb:GetItem on Resource "*"');
    expect(violations[0].evidence).toEqual([
      expect.objectContaining({ resource: 'Pol', path: 'Properties.PolicyDocument.Statement.1.Resource' }),
    ]);
  });

  it('non-compliant 3: NotAction in a managed policy, "*" for a user, and NotResource for a group (JSON template)', () => {
    const json = {
      Resources: {
        Role: { Type: 'AWS::IAM::Role', Properties: { ManagedPolicyArns: [{ Ref: 'Managed' }] } },
        Managed: {
          Type: 'AWS::IAM::ManagedPolicy',
          Properties: { PolicyDocument: { Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::b/*' } } },
        },
        User: {
          Type: 'AWS::IAM::User',
          Properties: { Policies: [{ PolicyName: 'u', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }] },
        },
        Group: {
          Type: 'AWS::IAM::Group',
          Properties: {
            Policies: [
              {
                PolicyName: 'g',
                PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', NotResource: 'arn:aws:sqs:us-east-1:1:q' }] },
              },
            ],
          },
        },
      },
    };
    const violations = rule.check(inputFromText(JSON.stringify(json)));
    expect(violations.map((v) => v.resources)).toEqual([['Managed', 'Role'], ['User'], ['Group']]);
    expect(violations[0].message).toContain('NotAction');
    expect(violations[2].message).toContain('NotResource');
  });

  it('non-compliant 4: a role attaching the AWS managed AmazonDynamoDBFullAccess policy', () => {
    const text = `Resources:${role('', "[!Sub 'arn:\${AWS::Partition}:iam::aws:policy/AmazonDynamoDBFullAccess', arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]")}`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['Role']]);
    expect(violations[0].evidence).toEqual([expect.objectContaining({ path: 'Properties.ManagedPolicyArns.0' })]);
  });

  it('compliant: scoped data actions, non-data actions on "*", and denies', () => {
    const text = `Resources:${role(`
        - PolicyName: app
          PolicyDocument:
            Statement:
              - { Effect: Allow, Action: [dynamodb:GetItem, dynamodb:PutItem], Resource: !GetAtt Table.Arn }
              - { Effect: Allow, Action: s3:GetObject, Resource: !Sub '\${Bucket.Arn}/*' }
              - { Effect: Allow, Action: [logs:CreateLogStream, xray:PutTraceSegments], Resource: '*' }
              - { Effect: Deny, NotAction: s3:GetObject, Resource: '*' }`)}
  Table: { Type: AWS::DynamoDB::Table }
  Bucket: { Type: AWS::S3::Bucket }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
    expect(rule.check(input(undefined))).toEqual([]);
  });

  describe('on a CDK-synthesized stack', () => {
    const cdk = synthOnce((stack, ids) => {
      const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
      const fn = (name: string) => {
        const f = inlineFunction(stack, name);
        ids[name] = logicalId(f.role!);
        return f;
      };
      const broad = fn('Broad');
      broad.addToRolePolicy(new iam.PolicyStatement({ actions: ['dynamodb:*', 's3:*'], resources: ['*'] }));
      ids.BroadPolicy = logicalId(broad.role!.node.findChild('DefaultPolicy'));
      fn('FullAccess').role!.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3FullAccess'));
      table.grantReadWriteData(fn('Scoped'));
    });

    it('non-compliant 1: addToRolePolicy with dynamodb:* and s3:* on "*"', () => {
      const violation = rule.check(input(cdk.template)).find((v) => v.resources?.[0] === cdk.ids.BroadPolicy);
      expect(violation?.resources).toEqual([cdk.ids.BroadPolicy, cdk.ids.Broad]);
    });

    it('non-compliant 2: a role with ManagedPolicy.fromAwsManagedPolicyName("AmazonS3FullAccess")', () => {
      expect(rule.check(input(cdk.template)).find((v) => v.resources?.[0] === cdk.ids.FullAccess)?.message).toContain('AmazonS3FullAccess');
    });

    it('compliant: table.grantReadWriteData scopes actions to the table', () => {
      expect(
        rule
          .check(input(cdk.template))
          .map((v) => v.resources?.[0])
          .sort(),
      ).toEqual([cdk.ids.BroadPolicy, cdk.ids.FullAccess].sort());
    });
  });
});
