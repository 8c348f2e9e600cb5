import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesizeTemplate } from '../lib/synth';
import { constructPathsOf, formatTemplate, MODEL_CONSTRUCTS_PATH, MODEL_TEMPLATE_PATH } from './generate';
import { buildModelApp, MODEL_LAMBDA_CODE } from './model-stack';

interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
}

const committed = fs.readFileSync(MODEL_TEMPLATE_PATH, 'utf8');
const template = JSON.parse(committed) as { Resources: Record<string, Resource> };
const markdown = fs.readFileSync(path.join(__dirname, 'MODEL_RESPONSE.md'), 'utf8');
const ofType = (type: string) => Object.values(template.Resources).filter((r) => r.Type === type);
const fn = ofType('AWS::Lambda::Function')[0]!;

describe("the port of the model's stack", () => {
  it('synthesizes to the committed model.template.json (regenerate with `npx tsx infra/model/generate.ts`)', () => {
    expect(formatTemplate(synthesizeTemplate(buildModelApp()))).toBe(committed);
  });

  it('has its construct paths committed beside it, one per resource (regenerate the same way)', () => {
    const committedPaths = fs.readFileSync(MODEL_CONSTRUCTS_PATH, 'utf8');
    expect(formatTemplate(constructPathsOf(buildModelApp()))).toBe(committedPaths);
    expect(Object.keys(JSON.parse(committedPaths)).sort()).toEqual(Object.keys(template.Resources).sort());
  });

  it('inlines the same handler as the LAMBDA_CODE of MODEL_RESPONSE.md', () => {
    expect(markdown).toContain(`LAMBDA_CODE = """${MODEL_LAMBDA_CODE}"""`);
  });

  it('stays asset-free and bootstrap-free like the reference', () => {
    expect(Object.values(template.Resources).filter((r) => r.Type.startsWith('Custom::'))).toEqual([]);
    expect(Object.keys(fn.Properties?.Code as object)).toEqual(['ZipFile']);
    expect(JSON.stringify(template)).not.toContain('BootstrapVersion');
  });
});

describe("the model's failures, each still present", () => {
  it('1. imports CDK v1 modules in the Python source', () => {
    expect(markdown).toMatch(/^from aws_cdk import core$/m);
    expect(markdown).toMatch(/^ {4}core,$/m);
    expect(markdown).toContain('aws-cdk.core==1.');
  });

  it('2. hardcodes availability zones', () => {
    const zones = ofType('AWS::EC2::Subnet')
      .map((s) => s.Properties?.AvailabilityZone)
      .sort();
    expect(zones).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1b', 'us-east-1b']);
  });

  it('3. gives the function no environment variable naming the table', () => {
    expect(fn.Properties?.Environment).toEqual({ Variables: { LOG_LEVEL: 'INFO' } });
    expect(MODEL_LAMBDA_CODE).toContain('os.environ["TABLE_NAME"]');
  });

  it('4. gives the custom role no CloudWatch Logs permissions', () => {
    const roles = JSON.stringify(ofType('AWS::IAM::Role')[0]);
    expect(roles).not.toContain('ManagedPolicyArns');
    expect(JSON.stringify(ofType('AWS::IAM::Policy'))).not.toContain('logs:');
  });

  it('5. configures no dead-letter queue', () => {
    expect(fn.Properties?.DeadLetterConfig).toBeUndefined();
    expect(ofType('AWS::SQS::Queue')).toEqual([]);
  });

  it('6. configures its only alarm so that it cannot work', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm');
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.Properties).toMatchObject({
      MetricName: 'Errors',
      Period: 45,
      EvaluationPeriods: 2,
      DatapointsToAlarm: 3,
      Dimensions: [{ Name: 'FunctionName', Value: 'my-function' }],
    });
    expect(fn.Properties?.FunctionName).toBeUndefined();
  });

  it('7. runs the function outside the VPC it creates', () => {
    expect(ofType('AWS::EC2::VPC')).toHaveLength(1);
    expect(fn.Properties?.VpcConfig).toBeUndefined();
  });

  it('8. has no bucket policy that denies unencrypted uploads', () => {
    expect(ofType('AWS::S3::BucketPolicy')).toEqual([]);
  });

  it('9. allows dynamodb:* and s3:* on every resource', () => {
    const statements = ofType('AWS::IAM::Policy').flatMap((p) => (p.Properties?.PolicyDocument as { Statement: unknown[] }).Statement);
    expect(statements).toContainEqual({ Action: ['dynamodb:*', 's3:*'], Effect: 'Allow', Resource: '*' });
  });

  it('10. has the API invoke the function directly, with no alias or provisioned concurrency', () => {
    expect(ofType('AWS::Lambda::Alias')).toEqual([]);
    expect(ofType('AWS::Lambda::Version')).toEqual([]);
    expect(JSON.stringify(template)).not.toContain('ProvisionedConcurrencyConfig');
  });

  it('11. shares one NAT gateway between two zones without an acknowledgement', () => {
    expect(ofType('AWS::EC2::NatGateway')).toHaveLength(1);
    expect(ofType('AWS::EC2::Subnet')).toHaveLength(4);
    expect(committed).not.toContain('infra-review');
  });

  it('12. serves the API with neither CloudFront nor stage caching', () => {
    expect(ofType('AWS::CloudFront::Distribution')).toEqual([]);
    expect(JSON.stringify(ofType('AWS::ApiGateway::Stage'))).not.toContain('CacheClusterEnabled');
  });

  it('13. has no explicit log group', () => {
    expect(ofType('AWS::Logs::LogGroup')).toEqual([]);
    expect(fn.Properties?.LoggingConfig).toBeUndefined();
  });

  it('14. has no alarm on Throttles', () => {
    expect(ofType('AWS::CloudWatch::Alarm').filter((a) => a.Properties?.MetricName === 'Throttles')).toEqual([]);
  });
});
