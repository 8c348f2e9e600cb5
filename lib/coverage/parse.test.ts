import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelFailures } from '../report/seed-structure';
import { cleanTitle, parseHumanFailures } from './parse';

const seed = readFileSync(path.join(import.meta.dirname, '../../infra/model/MODEL_FAILURES.md'), 'utf8');

describe('parseHumanFailures', () => {
  it('reads the seed: 14 failures in its five sections, with the titles its own structure parser sees', () => {
    const failures = parseHumanFailures(seed);
    const structure = parseModelFailures(seed);
    expect(failures.map((f) => f.title)).toEqual(structure.categories.flatMap((c) => c.issues));
    expect(failures.map((f) => f.id).slice(0, 4)).toEqual(['syntax-1', 'syntax-2', 'syntax-3', 'deployment-1']);
    expect(new Set(failures.map((f) => f.category))).toEqual(new Set(['syntax', 'deployment', 'security', 'performance', 'observability']));
  });

  it('keeps problem, impact and fix as the text, and what they name as resources and properties', () => {
    const permissions = parseHumanFailures(seed).find((f) => f.title === 'Missing Permissions for Lambda Role')!;
    expect(permissions.text).toMatch(/^- \*\*Problem\*\*:.*\n- \*\*Impact\*\*:.*\n- \*\*Fix in Ideal Response\*\*:/);
    expect(permissions.properties).toEqual(expect.arrayContaining(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents']));
    expect(permissions.resources).toEqual(expect.arrayContaining(['AWS::Lambda::Function', 'AWS::IAM::Role']));
    const env = parseHumanFailures(seed).find((f) => f.id === 'syntax-3')!;
    expect(env.properties).toContain('DYNAMODB_TABLE_NAME');
    expect(env.properties).not.toContain('MODEL_RESPONSE.md');
  });

  it('reads bullets with bold titles under bold category lines, and skips code blocks and summaries', () => {
    const md = [
      '**Security**',
      '- **Open bucket**: `DataArchive` allows public reads (`PublicAccessBlockConfiguration` missing).',
      '  It also lacks `BucketEncryption`.',
      '- **Wildcard role**: `AppRole` grants `s3:*`.',
      '**Performance issues**',
      '1. **Cold starts** — no provisioned concurrency on `ApiHandler`.',
      '```yaml',
      '## 2. Deployment',
      '- **Not a failure**: inside a fence',
      '```',
      '## Summary',
      '- **Security**: two issues',
    ].join('\n');
    const failures = parseHumanFailures(md);
    expect(failures.map((f) => [f.id, f.title])).toEqual([
      ['security-1', 'Open bucket'],
      ['security-2', 'Wildcard role'],
      ['performance-1', 'Cold starts'],
    ]);
    expect(failures[0].resources).toContain('DataArchive');
    expect(failures[0].properties).toEqual(expect.arrayContaining(['PublicAccessBlockConfiguration', 'BucketEncryption']));
    expect(failures[0].resources).not.toContain('BucketEncryption');
    expect(failures[1].properties).toContain('s3:*');
    expect(failures[2].resources).toContain('ApiHandler');
  });

  it('reads other heading levels: categories at ### and failures at ####', () => {
    const md =
      '# Review\n\n### Deployment Issues\n\n#### 1) Circular dependency between `Queue` and `Worker`\n\nThe `Worker.Properties.Environment` references the queue.\n\n### Observability\n\n#### Missing alarm\nNo alarm on errors.\n';
    const failures = parseHumanFailures(md);
    expect(failures.map((f) => [f.id, f.title])).toEqual([
      ['deployment-1', 'Circular dependency between `Queue` and `Worker`'],
      ['observability-1', 'Missing alarm'],
    ]);
    expect(failures[0].resources).toEqual(expect.arrayContaining(['Queue', 'Worker']));
    expect(failures[0].properties).toContain('Environment');
    expect(failures[1].resources).toContain('AWS::CloudWatch::Alarm');
  });

  it('reads plain numbered items as failures, their first sentence as the title, and labelled items as their body', () => {
    const md =
      '# Model failures\n\n## Security\n\n1. The role grants wildcard actions. It allows `s3:*`.\n   - Impact: anyone with the role reads every bucket.\n2. The bucket is public\n';
    const failures = parseHumanFailures(md);
    expect(failures.map((f) => [f.id, f.title])).toEqual([
      ['security-1', 'The role grants wildcard actions'],
      ['security-2', 'The bucket is public'],
    ]);
    expect(failures[0].text).toBe('It allows `s3:*`.\n- Impact: anyone with the role reads every bucket.');
    expect(failures[0].properties).toContain('s3:*');
    expect(failures[0].resources).toContain('AWS::IAM::Role');
  });

  it('leaves out failures outside a known category and reads nothing from an empty text', () => {
    expect(parseHumanFailures('# Notes\n\n## Misc\n\n### Something odd\ntext\n')).toEqual([]);
    expect(parseHumanFailures('')).toEqual([]);
  });

  it('cleans numbering, Issue prefixes and emphasis from titles', () => {
    expect(cleanTitle('**Issue 2: Hardcoded Availability Zones**')).toBe('Hardcoded Availability Zones');
    expect(cleanTitle('3. Missing DLQ:')).toBe('Missing DLQ');
  });
});
