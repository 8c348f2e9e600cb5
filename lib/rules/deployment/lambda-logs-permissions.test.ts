import { describe, expect, it } from 'vitest';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Stack } from 'aws-cdk-lib';
import { functionResource, inlineFunction, input, inputFromText, synth } from '../test-util';
import { rule } from './lambda-logs-permissions';

/** A function whose role has the given (YAML) properties besides its trust policy. */
const yaml = (roleProps: string) => `
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
${roleProps}
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Runtime: python3.12, Handler: index.handler, Role: !GetAtt Role.Arn, Code: { ZipFile: x } }
`;

const inline = (actions: string) => `      Policies:
        - PolicyName: app
          PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Action: ${actions}, Resource: '*' }] }`;

const fn = (roleId: string) => functionResource({ Role: { 'Fn::GetAtt': [roleId, 'Arn'] } });
const role = (extra: Record<string, unknown> = {}) => ({ Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, ...extra } });
const awsPolicy = (path: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::aws:policy/${path}`]] });
const policy = (roleId: string, ...Statement: Record<string, unknown>[]) => ({
  Type: 'AWS::IAM::Policy',
  Properties: { PolicyName: 'p', Roles: [{ Ref: roleId }], PolicyDocument: { Statement } },
});

/** A CDK function with an explicit role built by `configure`. */
const cdkStack = (configure: (role: iam.Role) => void) => (stack: Stack) => {
  const role = new iam.Role(stack, 'ExecRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  configure(role);
  inlineFunction(stack, 'Handler', { role });
};

describe('lambda-logs-permissions', () => {
  it('non-compliant 1: YAML role whose only inline policy grants DynamoDB actions', () => {
    const violations = rule.check(inputFromText(yaml(inline('[dynamodb:GetItem]'))));
    expect(violations.map((v) => v.resources)).toEqual([['Fn', 'Role']]);
    expect(violations[0].message).toContain('logs:CreateLogStream and logs:PutLogEvents');
    expect(violations[0].evidence?.[0]).toEqual({
      resource: 'Role',
      path: 'Properties.ManagedPolicyArns',
      note: 'no managed policies attached',
    });
  });

  it('non-compliant 2: JSON role with a non-logging AWS managed policy (Join form) and a policy granting only CreateLogStream', () => {
    const json = JSON.stringify({
      Resources: {
        RoleA: role({ ManagedPolicyArns: [awsPolicy('AmazonS3ReadOnlyAccess')] }),
        FnA: fn('RoleA'),
        PolicyA: policy(
          'RoleA',
          { Effect: 'Allow', Action: 'logs:CreateLogStream', Resource: '*' },
          { Effect: 'Deny', Action: 'logs:PutLogEvents', Resource: '*' },
        ),
        RoleB: role(),
        FnB: fn('RoleB'),
        PolicyB: policy('RoleB', { Effect: 'Allow', Action: ['logs:Create*', 'LOGS:put*'], Resource: '*' }),
      },
    });
    const violations = rule.check(inputFromText(json));
    expect(violations.map((v) => v.resources)).toEqual([['FnA', 'RoleA']]);
    expect(violations[0].message).toMatch(/is not allowed logs:PutLogEvents, so/);
    expect(violations[0].evidence?.[0]).toMatchObject({
      path: 'Properties.ManagedPolicyArns',
      value: [awsPolicy('AmazonS3ReadOnlyAccess')],
    });
  });

  it('non-compliant 3: CDK function with an explicit role that only has a DynamoDB managed policy', () => {
    const t = synth(cdkStack((r) => r.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonDynamoDBReadOnlyAccess'))));
    const ids = (prefix: string) => Object.keys(t.Resources).find((id) => id.startsWith(prefix));
    expect(rule.check(input(t)).map((v) => v.resources)).toEqual([[ids('Handler'), ids('ExecRole')]]);
  });

  it('compliant: logging managed policies (Join, Sub, literal), logs:* in a template ManagedPolicy, NotAction, imported or unknown policies', () => {
    expect(
      rule.check(
        inputFromText(
          yaml('      ManagedPolicyArns: [!Sub "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"]'),
        ),
      ),
    ).toEqual([]);
    expect(rule.check(inputFromText(yaml(inline('"logs:*"'))))).toEqual([]);
    expect(rule.check(inputFromText(yaml('      ManagedPolicyArns: [arn:aws:iam::123456789012:policy/team-logging]')))).toEqual([]);
    const json = JSON.stringify({
      Resources: {
        RoleA: role({ ManagedPolicyArns: ['arn:aws:iam::aws:policy/CloudWatchLogsFullAccess'] }),
        FnA: fn('RoleA'),
        Managed: {
          Type: 'AWS::IAM::ManagedPolicy',
          Properties: { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'logs:*', Resource: '*' }] } },
        },
        RoleB: role({ ManagedPolicyArns: [{ Ref: 'Managed' }] }),
        FnB: fn('RoleB'),
        RoleC: role(),
        FnC: fn('RoleC'),
        PolicyC: policy('RoleC', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
        FnImported: {
          Type: 'AWS::Lambda::Function',
          Properties: { Runtime: 'python3.12', Handler: 'i.h', Code: { ZipFile: 'x' }, Role: 'arn:aws:iam::123456789012:role/existing' },
        },
      },
    });
    expect(rule.check(inputFromText(json))).toEqual([]);
    expect(
      rule.check(
        input(
          synth(
            cdkStack((r) => r.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole'))),
          ),
        ),
      ),
    ).toEqual([]);
    expect(
      rule.check(
        input(
          synth(
            cdkStack((r) =>
              r.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: ['*'] })),
            ),
          ),
        ),
      ),
    ).toEqual([]);
  });
});
