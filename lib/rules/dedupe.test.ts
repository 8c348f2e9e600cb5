import { describe, expect, it } from 'vitest';
import { dedupeFindings, problemOf } from './dedupe';
import type { Finding } from './finding';

function finding(over: Partial<Finding> & Pick<Finding, 'rule' | 'source'>): Finding {
  return { category: 'security', severity: 'warning', title: over.rule, message: `${over.rule} says so`, resources: ['Policy'], ...over };
}

const seed = finding({ rule: 'iam-least-privilege', source: 'infra-review', severity: 'error', resources: ['Policy', 'Role'] });
const validate = finding({ rule: 'cfn-validate/W2512', source: 'cloudformation-validate', severity: 'warning' });
const nag = finding({ rule: 'AwsSolutions-IAM5[Action::s3:*]', source: 'cdk-nag', severity: 'error' });

describe('dedupeFindings', () => {
  it('merges a seed, a cloudformation-validate and a cdk-nag finding on the same resource into one listing three sources', () => {
    const merged = dedupeFindings([seed, validate, nag]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({
      rule: 'iam-least-privilege',
      source: 'infra-review',
      sources: ['infra-review', 'cloudformation-validate', 'cdk-nag'],
      rules: ['iam-least-privilege', 'cfn-validate/W2512', 'AwsSolutions-IAM5[Action::s3:*]'],
      resources: ['Policy', 'Role'],
      severity: 'error',
    });
  });

  it('keeps the most severe severity of the merged findings', () => {
    const [merged] = dedupeFindings([
      { ...validate, severity: 'info' },
      { ...nag, severity: 'error' },
    ]);
    expect(merged).toMatchObject({ rule: 'cfn-validate/W2512', severity: 'error', sources: ['cloudformation-validate', 'cdk-nag'] });
  });

  it('merges the same cdk-nag rule reported by several packs', () => {
    const hipaa = finding({ rule: 'HIPAA.Security-S3BucketSSLRequestsOnly', source: 'cdk-nag', resources: ['Bucket'] });
    const aws = finding({ rule: 'AwsSolutions-S10', source: 'cdk-nag', resources: ['Bucket'] });
    expect(problemOf(hipaa)).toBe(problemOf(aws));
    expect(dedupeFindings([aws, hipaa])[0].rules).toEqual(['AwsSolutions-S10', 'HIPAA.Security-S3BucketSSLRequestsOnly']);
  });

  it('keeps the same problem on different resources, and different problems on one resource, apart', () => {
    const other = { ...nag, resources: ['OtherPolicy'] };
    const dlq = finding({ rule: 'Serverless-LambdaDLQ', source: 'cdk-nag' });
    expect(dedupeFindings([seed, other, dlq])).toHaveLength(3);
  });

  it('never merges an acknowledged finding with an open one, so neither is lost', () => {
    const acked = { ...nag, acknowledged: { reason: 'scoped by SCP' } };
    const result = dedupeFindings([seed, acked]);
    expect(result).toHaveLength(2);
    expect(result[1].acknowledged).toEqual({ reason: 'scoped by SCP' });
  });

  it('never merges findings without resources', () => {
    const a = finding({ rule: 'cdk-v1-imports', source: 'infra-review', resources: [] });
    expect(dedupeFindings([a, { ...a }])).toHaveLength(2);
  });

  it('merges cfn-lint and cloudformation-validate reporting one diagnostic into one finding listing both', () => {
    const at = (path: string) => [{ resource: 'Bucket', path, note: 'diagnostic' }];
    const validated = finding({
      rule: 'cfn-validate/F3002',
      source: 'cloudformation-validate',
      resources: ['Bucket'],
      evidence: at('Properties.Nope'),
    });
    const linted = finding({ rule: 'cfn-lint/E3002', source: 'cfn-lint', resources: ['Bucket'], evidence: at('Properties.Nope') });
    const merged = dedupeFindings([validated, linted]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ sources: ['cloudformation-validate', 'cfn-lint'], rules: ['cfn-validate/F3002', 'cfn-lint/E3002'] });
  });

  it('keeps one linter rule on two properties of one resource apart, but merges a path with one inside it', () => {
    const on = (rule: string, source: Finding['source'], path: string) =>
      finding({ rule, source, resources: ['Fn'], evidence: [{ resource: 'Fn', path, note: rule }] });
    const twoProperties = [
      on('cfn-lint/E3012', 'cfn-lint', 'Properties.Timeout'),
      on('cfn-lint/E3012', 'cfn-lint', 'Properties.MemorySize'),
    ];
    expect(dedupeFindings(twoProperties)).toHaveLength(2);
    const nested = [on('cfn-validate/W3005', 'cloudformation-validate', 'DependsOn'), on('cfn-lint/W3005', 'cfn-lint', 'DependsOn.1')];
    expect(dedupeFindings(nested)).toHaveLength(1);
    const wholeResource = finding({
      rule: 'cfn-validate/F3006',
      source: 'cloudformation-validate',
      resources: ['Fn'],
      evidence: [{ resource: 'Fn', note: 'F3006' }],
    });
    expect(dedupeFindings([wholeResource, on('cfn-lint/E3006', 'cfn-lint', 'Type')])).toHaveLength(1);
  });

  it('merges linter diagnostics without resources only at the same template path', () => {
    const output = (rule: string, source: Finding['source'], path: string) =>
      finding({ rule, source, resources: [], evidence: [{ path, note: rule }] });
    const findings = [
      output('cfn-validate/F6101', 'cloudformation-validate', 'Outputs/Url/Value'),
      output('cfn-lint/E6101', 'cfn-lint', 'Outputs.Url.Value'),
      output('cfn-lint/E6101', 'cfn-lint', 'Outputs.Arn.Value'),
    ];
    expect(dedupeFindings(findings).map((f) => f.sources)).toEqual([['cloudformation-validate', 'cfn-lint'], ['cfn-lint']]);
  });

  it('does not mutate its input', () => {
    const input = [structuredClone(seed), structuredClone(validate), structuredClone(nag)];
    dedupeFindings(input);
    expect(input).toEqual([seed, validate, nag]);
  });

  it('a problem on thousands of resources merges each finding into the earliest one sharing a resource, and only that one', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      finding({ rule: 'iam-least-privilege', source: 'infra-review', resources: [`Policy${i}`], message: `policy ${i}` }),
    );
    // The nag finding shares Policy7 with the 8th finding; the last shares Role9 with that merge and Policy2000 with a later one.
    const both = finding({ rule: 'AwsSolutions-IAM5[Action::s3:*]', source: 'cdk-nag', resources: ['Policy7', 'Role9'] });
    const later = finding({ rule: 'iam-wildcard-arns', source: 'infra-review', resources: ['Role9', 'Policy2000'] });
    const deduped = dedupeFindings([...many, both, later]);
    expect(deduped).toHaveLength(3000);
    expect(deduped[7]).toMatchObject({
      resources: ['Policy7', 'Role9', 'Policy2000'],
      rules: ['iam-least-privilege', 'AwsSolutions-IAM5[Action::s3:*]', 'iam-wildcard-arns'],
    });
    expect(deduped[2000].rules).toEqual(['iam-least-privilege']);
  });
});
