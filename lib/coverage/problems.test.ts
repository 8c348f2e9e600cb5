import { describe, expect, it } from 'vitest';
import { problemsOfText } from './problems';

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
});
