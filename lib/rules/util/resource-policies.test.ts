import { describe, expect, it } from 'vitest';
import { inputFromText } from '../test-util';
import { allPolicyStatements, resourcePolicyStatements } from './resource-policies';

const yaml = `
Resources:
  Bucket: { Type: AWS::S3::Bucket }
  BucketPolicy: { Type: AWS::S3::BucketPolicy, Properties: { Bucket: !Ref Bucket, PolicyDocument: { Statement: [{ Effect: Allow }] } } }
  QueuePolicy: { Type: AWS::SQS::QueuePolicy, Properties: { Queues: [!Ref A, !Ref B], PolicyDocument: { Statement: { Effect: Deny } } } }
  Key: { Type: AWS::KMS::Key, Properties: { KeyPolicy: { Statement: [{ Effect: Allow }] } } }
  User: { Type: AWS::IAM::User, Properties: { Policies: [{ PolicyName: u, PolicyDocument: { Statement: [{ Effect: Allow }] } }] } }
  Role: { Type: AWS::IAM::Role, Properties: { Policies: [{ PolicyName: r, PolicyDocument: { Statement: [{ Effect: Allow }] } }] } }`;

describe('util/resource-policies', () => {
  it('resourcePolicyStatements lists bucket, queue and key policy statements with what they govern', () => {
    expect(resourcePolicyStatements(inputFromText(yaml).template!).map((s) => [s.policyId, s.path, s.targets])).toEqual([
      ['BucketPolicy', 'Properties.PolicyDocument.Statement.0', ['Bucket']],
      ['QueuePolicy', 'Properties.PolicyDocument.Statement', ['A', 'B']],
      ['Key', 'Properties.KeyPolicy.Statement.0', ['Key']],
    ]);
  });

  it('allPolicyStatements adds identity policies of roles, users and groups', () => {
    expect(allPolicyStatements(inputFromText(yaml).template!).map((s) => s.policyId)).toEqual([
      'Role',
      'User',
      'BucketPolicy',
      'QueuePolicy',
      'Key',
    ]);
  });
});
