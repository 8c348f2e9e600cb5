import { describe, expect, it } from 'vitest';
import * as iam from 'aws-cdk-lib/aws-iam';
import { input, inputFromText, synthOnce } from '../test-util';
import { rule } from './hardcoded-partition';

describe('hardcoded-partition', () => {
  it('non-compliant: one finding for the template, listing every ARN with a literal partition', () => {
    const text = `
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]
      Policies:
        - PolicyName: p
          PolicyDocument: { Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: !Sub 'arn:aws:s3:::\${Bucket}/*' }] }
  Topic: { Type: AWS::SNS::Topic, Properties: { KmsMasterKeyId: !Sub 'arn:aws-us-gov:kms:\${AWS::Region}:\${AWS::AccountId}:alias/aws/sns' } }`;
    const violations = rule.check(inputFromText(text));
    expect(violations).toHaveLength(1);
    expect(violations[0].resources).toEqual(['Role', 'Topic']);
    expect(violations[0].message).toBe(
      '3 ARNs in 2 resources write the partition literally instead of ${AWS::Partition}; the template cannot be deployed to the China or GovCloud partitions (1 of them is an AWS managed policy ARN).',
    );
    expect(violations[0].evidence?.map((e) => [e.path, e.note])).toEqual([
      ['Properties.ManagedPolicyArns.0', 'ARN with the literal partition aws (AWS managed policy)'],
      ['Properties.Policies.0.PolicyDocument.Statement.0.Resource', 'ARN with the literal partition aws'],
      ['Properties.KmsMasterKeyId', 'ARN with the literal partition aws-us-gov'],
    ]);
  });

  it('compliant: AWS::Partition in Sub and Join, and wildcards', () => {
    const text = `
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      ManagedPolicyArns: [!Sub 'arn:\${AWS::Partition}:iam::aws:policy/ReadOnlyAccess', !Join ['', ['arn:', !Ref 'AWS::Partition', ':iam::aws:policy/ReadOnlyAccess']]]
      Policies:
        - PolicyName: p
          PolicyDocument: { Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: 'arn:*:s3:::b/*' }] }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('on a CDK-synthesized template', () => {
    const synthesized = synthOnce((stack) => {
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess'));
    });

    it('finds nothing: the CDK writes the partition as AWS::Partition', () => {
      expect(rule.check(input(synthesized.template))).toEqual([]);
    });
  });
});
