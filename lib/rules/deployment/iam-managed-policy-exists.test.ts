import { describe, expect, it } from 'vitest';
import * as iam from 'aws-cdk-lib/aws-iam';
import { inputFromText, input, logicalId, source, synthOnce } from '../test-util';
import { lookupManagedPolicy } from '../util/managed-policies';
import { rule } from './iam-managed-policy-exists';

const role = (arns: string) => `
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
      ManagedPolicyArns: ${arns}`;

describe('iam-managed-policy-exists', () => {
  it('non-compliant 1: a policy without its service-role/ path, and a misspelled one, each with the policy meant', () => {
    const violations = rule.check(
      inputFromText(role('[arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole, arn:aws:iam::aws:policy/service-role/ConfigRole]')),
    );
    expect(violations.map((v) => v.resources)).toEqual([['Role']]);
    expect(violations[0].evidence?.map((e) => [e.path, e.note])).toEqual([
      [
        'Properties.ManagedPolicyArns.0',
        'no AWS managed policy is named AWSLambdaBasicExecutionRole; did you mean arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole?',
      ],
      [
        'Properties.ManagedPolicyArns.1',
        'no AWS managed policy is named service-role/ConfigRole; did you mean arn:aws:iam::aws:policy/service-role/AWS_ConfigRole?',
      ],
    ]);
    expect(violations[0].message).toMatch(/^Role names 2 AWS managed policies that cannot be attached: /);
  });

  it('non-compliant 2: a retired policy in a Fn::Sub with the partition, and a service-linked role policy attached to a role', () => {
    const text = role(
      "[!Sub 'arn:${AWS::Partition}:iam::aws:policy/AWSCodePipelineFullAccess', arn:aws:iam::aws:policy/aws-service-role/AWSConfigServiceRolePolicy]",
    );
    const evidence = rule.check(inputFromText(text))[0].evidence!;
    expect(evidence.map((e) => e.note)).toEqual([
      expect.stringMatching(/^no AWS managed policy is named AWSCodePipelineFullAccess; did you mean .*AWSCodePipeline_FullAccess\?$/),
      'aws-service-role/AWSConfigServiceRolePolicy is a policy for service-linked roles; IAM refuses to attach it to a role',
    ]);
    expect(evidence[0].value).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AWSCodePipelineFullAccess' });
  });

  it('non-compliant 3: an unknown policy ARN anywhere in a resource, in the Fn::Join form CDK emits', () => {
    const join = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonS3ReadOnly']] };
    const t = { Resources: { Group: { Type: 'AWS::IAM::Group', Properties: { ManagedPolicyArns: [join] } } } };
    expect(rule.check(input(t))[0].evidence).toEqual([
      {
        resource: 'Group',
        path: 'Properties.ManagedPolicyArns.0',
        value: join,
        note: 'no AWS managed policy is named AmazonS3ReadOnly; did you mean arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess?',
      },
    ]);
  });

  it('compliant: existing policies in every form, a name from a parameter, a wildcard pattern in a condition', () => {
    const text = `${role(
      "[arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole, !Sub 'arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore', !Sub 'arn:aws:iam::aws:policy/${PolicyName}', arn:aws-cn:iam::aws:policy/ReadOnlyAccess]",
    )}
  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - { Effect: Deny, Action: iam:AttachRolePolicy, Resource: '*', Condition: { ArnNotLike: { iam:PolicyARN: 'arn:aws:iam::aws:policy/job-function/*' } } }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('on a CDK-synthesized template', () => {
    const synthesized = synthOnce((stack, ids) => {
      const good = new iam.Role(stack, 'Good', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      good.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaVPCAccessExecutionRole'));
      const bad = new iam.Role(stack, 'Bad', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
      bad.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonEC2RoleforSSM'));
      ids.good = logicalId(good);
      ids.bad = logicalId(bad);
    });

    it('reports the role whose policy lacks its path, and not the other', () => {
      const violations = rule.check(input(synthesized.template));
      expect(violations.map((v) => v.resources)).toEqual([[synthesized.ids.bad]]);
      expect(violations[0].evidence?.[0].note).toContain('did you mean arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM?');
    });
  });

  it('non-compliant 4: without a template (a CDK answer that did not synthesize), the names its code attaches', () => {
    const ts = source(
      [
        "role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AWSLambdaBasicExecutionRole'));",
        "role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole'));",
      ].join('\n'),
      'typescript',
      'lib/stack.ts',
    );
    const py = source('policy = iam.ManagedPolicy.from_aws_managed_policy_name("AWSCodePipelineFullAccess")', 'python', 'app.py');
    const violations = rule.check(input(undefined, [ts, py]));
    expect(violations.map((v) => [v.location, v.evidence?.[0].note])).toEqual([
      [
        { file: 'lib/stack.ts', line: 1 },
        'no AWS managed policy is named AWSLambdaBasicExecutionRole; did you mean arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole?',
      ],
      [{ file: 'app.py', line: 1 }, expect.stringMatching(/AWSCodePipeline_FullAccess\?$/)],
    ]);
  });

  it('compliant: code is not read when the template is at hand (its findings come from the template)', () => {
    const ts = source("iam.ManagedPolicy.fromAwsManagedPolicyName('NoSuchPolicy')", 'typescript', 'lib/stack.ts');
    expect(rule.check(input({ Resources: {} }, [ts]))).toEqual([]);
  });

  it('lookupManagedPolicy suggests nothing for a name unlike any policy', () => {
    expect(lookupManagedPolicy('NoSuchThingAtAllPolicyXyz')).toEqual({ exists: false, serviceLinked: false });
    expect(lookupManagedPolicy('ReadOnlyAccess')).toEqual({ exists: true, serviceLinked: false });
  });
});
