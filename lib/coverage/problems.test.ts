import { describe, expect, it } from 'vitest';
import { problemsOfProperties, problemsOfText } from './problems';

describe('problemsOfText', () => {
  it('reads outdated imports as an imports problem, not a version problem', () => {
    const problems = problemsOfText('Outdated AWS CDK Imports: the answer uses outdated `core` imports instead of `aws_cdk`.');
    expect(problems).toContain('imports');
    expect(problems).not.toContain('version');
  });

  it('reads a deprecated runtime or an old engine as a version problem', () => {
    expect(problemsOfText('The function uses a deprecated Python runtime.')).toContain('version');
    expect(problemsOfText('Outdated PostgreSQL engine chosen.')).toContain('version');
  });

  it('names the general rules by the problems reviewers write about them', () => {
    expect(problemsOfText('Launch template lacks MetadataOptions (IMDSv2 not enforced).')).toContain('instance-metadata');
    expect(problemsOfProperties(['imdsv2-required'])).toEqual(['instance-metadata']);
    expect(problemsOfText('Hardcoded account ID in the bucket policy ARN.')).toContain('hard-coded-value');
    expect(problemsOfProperties(['hardcoded-account-ids'])).toEqual(['hard-coded-value']);
    expect(problemsOfText('Missing CreationPolicy: the ASG will time out waiting for cfn-signal.')).toContain('signal');
    expect(problemsOfText('Invalid schedule expression rate(1 minutes).')).toContain('schedule');
    expect(problemsOfProperties(['stateful-resource-retention', 'data-backups-disabled'])).toEqual(['deletion', 'backup']);
  });

  it('does not read a hard-coded bucket name as a hard-coded account or region', () => {
    expect(problemsOfText('Hardcoded bucket names collide between deployments.')).not.toContain('hard-coded-value');
  });
});
