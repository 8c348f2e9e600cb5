import { describe, expect, it } from 'vitest';
import { inputFromText, poldoc, resource, template } from '../test-util';
import { actionMatches, allowsAction, managedPolicyArns, policyStatements, roleStatements } from './iam';

const yaml = `
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app-role
      AssumeRolePolicyDocument: {}
      ManagedPolicyArns: [!Ref Managed, arn:aws:iam::aws:policy/ReadOnlyAccess]
      Policies:
        - PolicyName: inline
          PolicyDocument: { Statement: { Effect: Allow, Action: s3:GetObject, Resource: '*' } }
  Other: { Type: AWS::IAM::Role, Properties: { AssumeRolePolicyDocument: {} } }
  Attached:
    Type: AWS::IAM::Policy
    Properties: { PolicyName: p, Roles: [app-role, !Ref Other], PolicyDocument: { Statement: [{ Effect: Allow, Action: sqs:*, Resource: '*' }, { Effect: Deny, Action: '*', Resource: '*' }] } }
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties: { PolicyDocument: { Statement: [{ Effect: Allow, Action: logs:*, Resource: '*' }] } }
  Unattached:
    Type: AWS::IAM::ManagedPolicy
    Properties: { PolicyDocument: { Statement: [{ Effect: Allow, Action: kms:*, Resource: '*' }] } }
`;

describe('util/iam', () => {
  it('policyStatements lists inline, AWS::IAM::Policy and ManagedPolicy statements with their roles and paths', () => {
    const t = inputFromText(yaml).template!;
    expect(policyStatements(t).map((s) => [s.policyId, s.path, s.roles])).toEqual([
      ['Role', 'Properties.Policies.0.PolicyDocument.Statement', ['Role']],
      ['Attached', 'Properties.PolicyDocument.Statement.0', ['Role', 'Other']],
      ['Attached', 'Properties.PolicyDocument.Statement.1', ['Role', 'Other']],
      ['Managed', 'Properties.PolicyDocument.Statement.0', ['Role']],
      ['Unattached', 'Properties.PolicyDocument.Statement.0', []],
    ]);
  });

  it('roleStatements keeps the statements that apply to one role', () => {
    const t = inputFromText(yaml).template!;
    expect(roleStatements(t, 'Other').map((s) => s.statement.Action)).toEqual(['sqs:*', '*']);
    expect(roleStatements(t, 'Role').map((s) => s.policyId)).toEqual(['Role', 'Attached', 'Attached', 'Managed']);
    expect(roleStatements(template({ R: resource('AWS::IAM::Role') }), 'R')).toEqual([]);
  });

  it('actionMatches applies IAM wildcards case-insensitively', () => {
    expect(actionMatches('logs:PutLogEvents', 'logs:Put*')).toBe(true);
    expect(actionMatches('logs:PutLogEvents', 'LOGS:putlogevents')).toBe(true);
    expect(actionMatches('logs:PutLogEvents', '*')).toBe(true);
    expect(actionMatches('s3:GetObject', 's3:Get?bject')).toBe(true);
    expect(actionMatches('logs:CreateLogStream', 'logs:Put*')).toBe(false);
    expect(actionMatches('logs:PutLogEvents', 'logs:PutLog')).toBe(false);
    expect(actionMatches('s3:GetObject', 's3.GetObject')).toBe(false);
  });

  it('allowsAction reads Effect, Action and NotAction', () => {
    expect(allowsAction({ Effect: 'Allow', Action: ['s3:*', 'logs:PutLogEvents'] }, 'logs:PutLogEvents')).toBe(true);
    expect(allowsAction({ Effect: 'Deny', Action: '*' }, 'logs:PutLogEvents')).toBe(false);
    expect(allowsAction({ Effect: 'Allow', NotAction: 'iam:*' }, 'logs:PutLogEvents')).toBe(true);
    expect(allowsAction({ Effect: 'Allow', NotAction: ['logs:*'] }, 'logs:PutLogEvents')).toBe(false);
    expect(allowsAction(poldoc({ Effect: 'Allow', Action: 'logs:*' }), 'logs:PutLogEvents')).toBe(false);
  });

  it('managedPolicyArns names AWS managed policies in literal, Join and Sub forms', () => {
    const role = resource('AWS::IAM::Role', {
      ManagedPolicyArns: [
        'arn:aws:iam::aws:policy/AdministratorAccess',
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']] },
        { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/job-function/ViewOnlyAccess' },
        'arn:aws:iam::123456789012:policy/mine',
        { Ref: 'PolicyParam' },
      ],
    });
    expect(managedPolicyArns(role).map((a) => [a.path, a.awsManaged])).toEqual([
      ['Properties.ManagedPolicyArns.0', 'AdministratorAccess'],
      ['Properties.ManagedPolicyArns.1', 'AWSLambdaBasicExecutionRole'],
      ['Properties.ManagedPolicyArns.2', 'ViewOnlyAccess'],
      ['Properties.ManagedPolicyArns.3', undefined],
      ['Properties.ManagedPolicyArns.4', undefined],
    ]);
  });
});
