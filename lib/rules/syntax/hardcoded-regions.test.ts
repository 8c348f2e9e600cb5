import { describe, expect, it } from 'vitest';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { inlineFunction, input, inputFromText, synthOnce } from '../test-util';
import { rule } from './hardcoded-regions';

describe('hardcoded-regions', () => {
  it('non-compliant 1: an ARN of the stack account in a literal region, and a region environment variable', () => {
    const text = `
Resources:
  Role:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: [{ Effect: Allow, Action: logs:PutLogEvents, Resource: !Sub 'arn:aws:logs:us-east-1:\${AWS::AccountId}:log-group:/aws/lambda/f:*' }]
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Environment: { Variables: { AWS_REGION_NAME: eu-west-1, STAGE: prod } } }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => [v.resources, v.evidence?.map((e) => e.note)])).toEqual([
      [['Role'], ['ARN in the stack account with the literal region us-east-1']],
      [['Fn'], ['environment variable set to the literal region eu-west-1']],
    ]);
    expect(violations[0].message).toBe(
      "Role hardcodes the region us-east-1 where the stack's own region is meant (${AWS::Region}); the template cannot be deployed elsewhere.",
    );
  });

  it('non-compliant 2: Fn::GetAZs of a literal region, and a container environment variable', () => {
    const text = `
Resources:
  Subnet: { Type: AWS::EC2::Subnet, Properties: { AvailabilityZone: !Select [0, !GetAZs us-west-2] } }
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties: { ContainerDefinitions: [{ Name: app, Environment: [{ Name: REGION, Value: us-west-2 }] }] }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => [v.resources, v.evidence?.map((e) => [e.path, e.note])])).toEqual([
      [['Subnet'], [['Properties.AvailabilityZone.Fn::Select.1.Fn::GetAZs', 'Fn::GetAZs of the literal region us-west-2']]],
      [['Task'], [['Properties.ContainerDefinitions.0.Environment.0.Value', 'environment variable set to the literal region us-west-2']]],
    ]);
  });

  it('compliant: AWS::Region, a region map, a CloudFront certificate in us-east-1, a replica region, another account', () => {
    const text = `
Mappings:
  RegionMap: { us-east-1: { Cidr: 10.0.0.0/16 } }
Resources:
  Subnet: { Type: AWS::EC2::Subnet, Properties: { AvailabilityZone: !Select [0, !GetAZs ''] } }
  Fn: { Type: AWS::Lambda::Function, Properties: { Environment: { Variables: { REGION: !Ref 'AWS::Region' } } } }
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties: { DistributionConfig: { ViewerCertificate: { AcmCertificateArn: !Sub 'arn:aws:acm:us-east-1:\${AWS::AccountId}:certificate/abc' } } }
  Table: { Type: AWS::DynamoDB::GlobalTable, Properties: { Replicas: [{ Region: us-east-1 }, { Region: eu-west-1 }] } }
  Role:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument: { Statement: [{ Effect: Allow, Action: sns:Publish, Resource: 'arn:aws:sns:us-east-1:aws-partner:topic' }] }`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('on a CDK-synthesized template', () => {
    const synthesized = synthOnce((stack) => {
      const queue = new sqs.Queue(stack, 'Queue');
      queue.grantSendMessages(inlineFunction(stack, 'Fn', { environment: { REGION: stack.region } }));
    });

    it('leaves the region the CDK resolves for a stack bound to an environment alone', () => {
      expect(JSON.stringify(synthesized.template)).toContain('us-east-1');
      expect(rule.check(input(synthesized.template))).toEqual([]);
    });
  });
});
