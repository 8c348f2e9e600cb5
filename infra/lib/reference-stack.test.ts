import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { HANDLER_PATH } from './compute';
import { buildReferenceApp, REFERENCE_STACK_ID, ReferenceStack, resolveReferenceConfig } from './reference-stack';
import { synthesizeTemplate } from './synth';

interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
}
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

const template = synthesizeTemplate(buildReferenceApp()) as { Resources: Record<string, Resource>; [key: string]: unknown };
const resources = Object.values(template.Resources);

/** The IAM action each boto3 call of the handler needs. */
const ACTION_OF_CALL: Record<string, string> = {
  get_item: 'dynamodb:GetItem',
  put_item: 'dynamodb:PutItem',
  put_object: 's3:PutObject',
};

describe('ReferenceStack', () => {
  it('synthesizes without custom resources, so nothing needs an asset-backed provider', () => {
    expect(resources.filter((r) => r.Type.startsWith('Custom::') || r.Type === 'AWS::CloudFormation::CustomResource')).toEqual([]);
  });

  it('inlines all function code instead of referencing an S3 asset', () => {
    const functions = resources.filter((r) => r.Type === 'AWS::Lambda::Function');
    expect(functions).toHaveLength(1);
    for (const fn of functions) expect(Object.keys(fn.Properties?.Code as object)).toEqual(['ZipFile']);
  });

  it('needs no bootstrapping: no BootstrapVersion parameter or rule, no asset in the cloud assembly', () => {
    expect(template.Parameters).toBeUndefined();
    expect(template.Rules).toBeUndefined();
    const { app, stack } = buildReferenceApp();
    const assembly = app.synth();
    try {
      expect(assembly.artifacts.map((a) => a.constructor.name).sort()).not.toContain('AssetManifestArtifact');
      expect(assembly.getStackArtifact(stack.artifactId).assets).toEqual([]);
      expect(fs.readdirSync(assembly.directory).filter((f) => f.startsWith('asset.'))).toEqual([]);
    } finally {
      fs.rmSync(assembly.directory, { recursive: true, force: true });
    }
  });

  it("passes CDK's CloudFormation validator without a finding", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-review-validate-'));
    try {
      const app = new App({ outdir, analyticsReporting: false, builtinCloudFormationValidation: true });
      new ReferenceStack(app, REFERENCE_STACK_ID, { config: resolveReferenceConfig() });
      app.synth();
      const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as { pluginReports: unknown[] };
      expect(report.pluginReports).toEqual([]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  it("grants exactly the actions of the handler's boto3 calls, never on every resource", () => {
    const calls = [...fs.readFileSync(HANDLER_PATH, 'utf8').matchAll(/\b(?:TABLE|S3)\.(\w+)\(/g)].map((m) => m[1]!);
    const needed = [...new Set(calls.map((call) => ACTION_OF_CALL[call] ?? `unmapped call ${call}`))].sort();
    const statements = resources
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((r) => (r.Properties?.PolicyDocument as { Statement: Statement[] }).Statement);
    const dataActions = statements
      .flatMap((s) => [s.Action].flat())
      .filter((a) => /^(dynamodb|s3):/.test(a))
      .sort();
    expect(dataActions).toEqual(needed);
    for (const s of statements) {
      expect(s.Resource).not.toBe('*');
      for (const action of [s.Action].flat()) expect(action).not.toMatch(/\*/);
    }
  });

  it('exports the API URL, distribution domain, table, bucket and function names', () => {
    expect(Object.keys(template.Outputs as object).sort()).toEqual([
      'ApiUrl',
      'BucketName',
      'DistributionDomainName',
      'FunctionName',
      'TableName',
    ]);
  });

  it('creates one NAT gateway per zone and no acknowledgement when natGateways is 2', () => {
    const production = Template.fromJSON(synthesizeTemplate(buildReferenceApp({ natGateways: 2 })));
    production.resourceCountIs('AWS::EC2::NatGateway', 2);
    expect(JSON.stringify(production.toJSON())).not.toContain('nat-gateway-redundancy');
  });

  it('uses the configured stack name and region', () => {
    const { stack } = buildReferenceApp({ stackName: 'ReviewEu', region: 'eu-west-1' });
    expect(stack.stackName).toBe('ReviewEu');
    expect(stack.region).toBe('eu-west-1');
  });

  it('rejects NAT gateway counts the two-zone VPC cannot use', () => {
    expect(() => buildReferenceApp({ natGateways: 0 })).toThrow(/natGateways must be an integer from 1 to 2/);
    expect(() => buildReferenceApp({ natGateways: 3 })).toThrow(/natGateways/);
  });

  it('synthesizes the same template twice', () => {
    expect(synthesizeTemplate(buildReferenceApp())).toEqual(template);
  });
});
