import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CfnTemplate } from '../../templates/types';
import { resource, template } from '../test-util';
import { RULE_PACK_IDS, type RulePackId } from './packs';
import { NAG_UNAVAILABLE_RULE, runNagPacks } from './run';

const modelTemplate = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'infra/model/model.template.json'), 'utf8')) as CfnTemplate;
const plainBucket = template({ Data: resource('AWS::S3::Bucket') });

/** Rule ids reported on a logical id. */
function rulesOn(findings: Awaited<ReturnType<typeof runNagPacks>>, logicalId: string): string[] {
  return findings.filter((f) => f.resources.includes(logicalId)).map((f) => f.rule);
}

describe('runNagPacks', () => {
  it('reports AwsSolutions-S1 and S10 on an unencrypted bucket without logging or an SSL policy', async () => {
    const findings = await runNagPacks(plainBucket, ['aws-solutions']);
    expect(rulesOn(findings, 'Data').sort()).toEqual(['AwsSolutions-S1', 'AwsSolutions-S10']);
    const s10 = findings.find((f) => f.rule === 'AwsSolutions-S10')!;
    expect(s10).toMatchObject({ source: 'cdk-nag', category: 'security', severity: 'error', resources: ['Data'] });
    expect(findings.find((f) => f.rule === 'AwsSolutions-S1')!.category).toBe('observability');
  });

  it('reports nothing from aws-solutions once the bucket logs, and enforces SSL', async () => {
    const bucket = template({
      Logs: resource('AWS::S3::Bucket', { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] } }),
      Data: resource('AWS::S3::Bucket', { LoggingConfiguration: { DestinationBucketName: { Ref: 'Logs' } } }),
      DataPolicy: resource('AWS::S3::BucketPolicy', {
        Bucket: { Ref: 'Data' },
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              Resource: [{ 'Fn::GetAtt': ['Data', 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Data', 'Arn'] }, '/*']] }],
            },
          ],
        },
      }),
    });
    expect(rulesOn(await runNagPacks(bucket, ['aws-solutions']), 'Data')).toEqual([]);
  });

  it.each(RULE_PACK_IDS)('pack %s reports known problems of the seed model template', async (pack: RulePackId) => {
    const expected: Record<RulePackId, [string, string]> = {
      'aws-solutions': ['AwsSolutions-S10', 'MyBucketF68F3FF0'],
      serverless: ['Serverless-LambdaDLQ', 'MyFunction3BAA72D1'],
      hipaa: ['HIPAA.Security-S3BucketSSLRequestsOnly', 'MyBucketF68F3FF0'],
      'nist-800-53-r5': ['NIST.800.53.R5-LambdaDLQ', 'MyFunction3BAA72D1'],
      'pci-dss-3.2.1': ['PCI.DSS.321-IAMPolicyNoStatementsWithFullAccess', 'LambdaRoleDefaultPolicy75625A82'],
    };
    const findings = await runNagPacks(modelTemplate, [pack]);
    const [rule, logicalId] = expected[pack];
    expect(rulesOn(findings, logicalId)).toContain(rule);
    expect(findings.every((f) => f.source === 'cdk-nag' && f.resources.length === 1)).toBe(true);
  });

  it('keeps the finding suffix in the rule id and maps the Lambda DLQ rule to deployment', async () => {
    const findings = await runNagPacks(modelTemplate, ['aws-solutions', 'serverless']);
    expect(findings.map((f) => f.rule)).toContain('AwsSolutions-IAM5[Resource::*]');
    expect(findings.find((f) => f.rule === 'Serverless-LambdaDLQ')).toMatchObject({ category: 'deployment', severity: 'error' });
    expect(findings.find((f) => f.rule === 'Serverless-LambdaTracing')).toMatchObject({ category: 'observability', severity: 'warning' });
  });

  it('never mutates the input template', async () => {
    const input = structuredClone(modelTemplate);
    await runNagPacks(input, ['aws-solutions', 'hipaa']);
    expect(input).toEqual(modelTemplate);
  });

  it('runs nothing for an empty selection', async () => {
    expect(await runNagPacks(plainBucket, [])).toEqual([]);
  });

  it('reports a template CDK cannot include as one error finding instead of throwing', async () => {
    const broken = template({ Bad: resource('AWS::S3::Bucket', { BucketName: { Ref: 'Missing' } }) });
    const findings = await runNagPacks(broken, ['aws-solutions']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: NAG_UNAVAILABLE_RULE, severity: 'error', source: 'cdk-nag' });
    expect(findings[0].message).toContain('Missing');
  });
});
