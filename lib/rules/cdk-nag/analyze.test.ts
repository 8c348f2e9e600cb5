import { describe, expect, it } from 'vitest';
import { analyzeArtifact } from '../analyze';
import { parseTemplate } from '../../templates/load';
import { poldoc, resource, template } from '../test-util';

// A policy that allows everything but one action on every resource: the seed rule (NotAction), cloudformation-validate
// (W2512, NotAction) and cdk-nag (IAM5, wildcard resource) all report it on the same resource.
const broad = template({
  Role: resource('AWS::IAM::Role', {
    AssumeRolePolicyDocument: poldoc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
  }),
  Broad: resource('AWS::IAM::Policy', {
    PolicyName: 'broad',
    Roles: [{ Ref: 'Role' }],
    PolicyDocument: poldoc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
  }),
});
const loaded = () => parseTemplate(JSON.stringify(broad, null, 1), 'broad.json');

describe('analyzeArtifact with cdk-nag packs', () => {
  it('merges the seed, cloudformation-validate and cdk-nag reports of one problem on one resource into one finding', async () => {
    const findings = await analyzeArtifact({ template: loaded(), sources: [] }, { packs: ['aws-solutions'] });
    const onBroad = findings.filter(
      (f) => f.category === 'security' && f.resources.includes('Broad') && f.rules?.includes('iam-least-privilege'),
    );
    expect(onBroad).toHaveLength(1);
    expect(onBroad[0].sources).toEqual(['infra-review', 'cloudformation-validate', 'cdk-nag']);
    expect(onBroad[0].rules).toEqual(expect.arrayContaining(['iam-least-privilege', 'cfn-validate/W2512']));
    expect(onBroad[0].rules!.some((r) => r.startsWith('AwsSolutions-IAM5'))).toBe(true);
    expect(findings.filter((f) => f.rule.startsWith('AwsSolutions-IAM5') && f.resources.includes('Broad'))).toEqual([]);
  }, 120_000);

  it('runs no cdk-nag pack when none is selected, and still merges what the other sources report', async () => {
    const findings = await analyzeArtifact({ template: loaded(), sources: [] });
    expect(findings.some((f) => f.source === 'cdk-nag' || f.sources?.includes('cdk-nag'))).toBe(false);
    const onBroad = findings.filter((f) => f.resources.includes('Broad') && f.rule === 'iam-least-privilege');
    expect(onBroad).toHaveLength(1);
    expect(onBroad[0].rules).toEqual(expect.arrayContaining(['iam-least-privilege', 'cfn-validate/W2512']));
  }, 120_000);

  it('applies cdk-nag suppressions in template metadata to the findings of the suppressed rule, keeping them listed', async () => {
    const suppressed = JSON.parse(JSON.stringify(broad)) as { Resources: { Broad: Record<string, unknown> } };
    suppressed.Resources.Broad.Metadata = { cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-IAM5', reason: 'break-glass policy' }] } };
    const findings = await analyzeArtifact(
      { template: parseTemplate(JSON.stringify(suppressed), 's.json'), sources: [] },
      { packs: ['aws-solutions'] },
    );
    const iam5 = findings.filter((f) => f.rule.startsWith('AwsSolutions-IAM5') && f.resources.includes('Broad'));
    expect(iam5.length).toBeGreaterThan(0);
    expect(iam5.every((f) => f.acknowledged?.reason === 'break-glass policy')).toBe(true);
  }, 120_000);
});
