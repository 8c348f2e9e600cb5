import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelFailures } from '../report/seed-structure';
import { cleanTitle, parseHumanFailures, readHumanReview } from './parse';

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

  it('reads failures of any section, its category from its own words when no heading names one, and nothing from an empty text', () => {
    const failures = parseHumanFailures('# Notes\n\n## Misc\n\n### Something odd\nThe bucket has no encryption.\n');
    expect(failures.map((f) => [f.id, f.title])).toEqual([['security-1', 'Something odd']]);
    expect(parseHumanFailures('')).toEqual([]);
  });

  it('maps section words to categories: critical and runtime to deployment, IAM to security, cost to performance, lint to syntax', () => {
    const md = [
      '## Critical Failures',
      '### 1. Stack does not deploy',
      'Circular dependency.',
      '## IAM problems',
      '- **Role too broad**: `s3:*`',
      '## Cost',
      '- **Oversized instances**',
      '## Lint findings',
      '- **Unused parameter**',
      '## Logging gaps',
      '- **No log group**',
    ].join('\n');
    expect(parseHumanFailures(md).map((f) => f.id)).toEqual(['deployment-1', 'security-1', 'performance-1', 'syntax-1', 'observability-1']);
  });

  it('reads every shape real reviews use, skipping summaries, praise, restatements and impact or fix sub-items', () => {
    const md = [
      '# Model Failures',
      '## Summary',
      '1. Creates new VPC instead of using existing one',
      '## What the model did right',
      '- **Good tagging**: every resource is tagged',
      '## Critical deployment blockers',
      '* **`LatestAmiId` defined under `Resources`** using SSM parameter type.',
      '  ➜ Must be a **Parameter**.',
      '* **Target Group uses non-existent `Targets` property.**',
      '## Security',
      '### 1. **Hardcoded Database Password**',
      '**Model Failure:**',
      'The password is in plain text.',
      '**Impact:**',
      '- **Severity: CRITICAL**',
      '### 2. Parameter and Configuration Management',
      '**Failure 2.1: Missing Metadata Section**',
      '- **Issue**: No `Metadata` section',
      '- **Impact**: Poor console experience',
      '**Failure 2.2: Missing VPC CIDR Parameter**',
      '- **Issue**: VPC CIDR hardcoded',
      '## Observability',
      '#### Hardcoded Database Password',
      'Said again.',
    ].join('\n');
    const failures = parseHumanFailures(md);
    expect(failures.map((f) => [f.category, f.title])).toEqual([
      ['deployment', '`LatestAmiId` defined under `Resources`'],
      ['deployment', 'Target Group uses non-existent `Targets` property.'],
      ['security', 'Hardcoded Database Password'],
      ['security', 'Missing Metadata Section'],
      ['security', 'Missing VPC CIDR Parameter'],
    ]);
    expect(failures[0].text).toContain('Must be a **Parameter**');
    expect(failures[3].text).toBe('- **Issue**: No `Metadata` section\n- **Impact**: Poor console experience');
  });

  it('keeps Issue, Impact and Fix sub-headings and colon-ended bold labels in the failure they belong to', () => {
    const md = [
      '# Infrastructure Failures and Fixes',
      '## 1. Missing EnvironmentSuffix Parameter Usage',
      '### Issue',
      'Names lack the suffix.',
      '### Fix',
      'Added `${EnvironmentSuffix}`.',
      '## Model Failure 2: Bucket naming (CRITICAL)',
      '**Why This Fix is Necessary**:',
      '- S3 names must be lowercase',
      '- Deployments collide',
    ].join('\n');
    expect(parseHumanFailures(md).map((f) => f.title)).toEqual(['Missing EnvironmentSuffix Parameter Usage', 'Bucket naming (CRITICAL)']);
  });

  it('returns what it could not read: prose that belongs to no failure', () => {
    const { failures, unread } = readHumanReview(
      'The model answer mostly works, but the reviewers disagree on several points of its design.\n\n## Issues\n- **No DLQ**: the function has none\n',
    );
    expect(failures.map((f) => f.title)).toEqual(['No DLQ']);
    expect(unread).toEqual(['The model answer mostly works, but the reviewers disagree on several points of its design.']);
  });

  it('cleans numbering, Issue prefixes and emphasis from titles', () => {
    expect(cleanTitle('**Issue 2: Hardcoded Availability Zones**')).toBe('Hardcoded Availability Zones');
    expect(cleanTitle('3. Missing DLQ:')).toBe('Missing DLQ');
  });
});
