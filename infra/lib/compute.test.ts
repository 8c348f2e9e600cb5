import fs from 'node:fs';
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { Compute, HANDLER_PATH, INLINE_CODE_LIMIT } from './compute';
import { unitStack } from './testing';

function computeUnit(provisionedConcurrency = 1) {
  const stack = unitStack();
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, restrictDefaultSecurityGroup: false });
  const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
  const bucket = new s3.Bucket(stack, 'Bucket');
  new Compute(stack, 'Compute', { vpc, table, bucket, provisionedConcurrency });
  const template = Template.fromStack(stack);
  const logicalId = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as never);
  return { template, vpc, ids: { table: logicalId(table), bucket: logicalId(bucket) } };
}

describe('Compute', () => {
  it('runs the function in the private subnets of the VPC', () => {
    const { template, vpc } = computeUnit();
    const stack = Stack.of(vpc);
    const privateSubnetIds = vpc.privateSubnets.map((s) => ({ Ref: stack.getLogicalId(s.node.defaultChild as ec2.CfnSubnet) }));
    template.hasResourceProperties('AWS::Lambda::Function', {
      VpcConfig: { SubnetIds: privateSubnetIds, SecurityGroupIds: Match.anyValue() },
    });
  });

  it('sends failed invocations to an SQS dead-letter queue that is encrypted and TLS-only', () => {
    const { template } = computeUnit();
    const queueId = Object.keys(template.findResources('AWS::SQS::Queue'))[0]!;
    template.hasResourceProperties('AWS::Lambda::Function', { DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } } });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('logs to an explicit log group kept for one month', () => {
    const { template } = computeUnit();
    const logGroupId = Object.keys(template.findResources('AWS::Logs::LogGroup'))[0]!;
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    template.hasResourceProperties('AWS::Lambda::Function', { LoggingConfig: { LogGroup: { Ref: logGroupId } } });
  });

  it('names the table and the bucket in the environment by reference', () => {
    const { template, ids } = computeUnit();
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { DYNAMODB_TABLE_NAME: { Ref: ids.table }, BUCKET_NAME: { Ref: ids.bucket } } },
    });
  });

  it('gives the role CloudWatch Logs and VPC access but no data access of its own', () => {
    const { template } = computeUnit();
    const managed = JSON.stringify(template.findResources('AWS::IAM::Role'));
    expect(managed).toContain('service-role/AWSLambdaBasicExecutionRole');
    expect(managed).toContain('service-role/AWSLambdaVPCAccessExecutionRole');
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policies).not.toMatch(/dynamodb:|s3:/);
  });

  it('publishes a live alias with the configured provisioned concurrency', () => {
    computeUnit(3).template.hasResourceProperties('AWS::Lambda::Alias', {
      Name: 'live',
      FunctionVersion: { 'Fn::GetAtt': [Match.stringLikeRegexp('CurrentVersion'), 'Version'] },
      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 3 },
    });
  });

  it('inlines the Python handler, which fits the inline code limit', () => {
    const source = fs.readFileSync(HANDLER_PATH, 'utf8');
    expect(source.length).toBeLessThanOrEqual(INLINE_CODE_LIMIT);
    computeUnit().template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: Match.stringLikeRegexp('^python3\\.1[23]$'),
      Code: { ZipFile: source },
    });
  });
});
