import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'infra-review-cli-'));
const file = (name: string, text: string) => {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
};

/** Runs the CLI as users do, in a fresh process. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const yamlTemplate = `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code: { ZipFile: "def handler(e, c): pass" }
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: 'sts:AssumeRole' }] }
      Policies:
        - PolicyName: all
          PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Action: 'dynamodb:*', Resource: '*' }] }
`;

describe('infra-review analyze', () => {
  it('prints exactly one JSON object with the findings of a YAML template', () => {
    const { code, stdout } = cli('analyze', file('t.yaml', yamlTemplate), '--format', 'json');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(Object.keys(parsed)).toEqual(['findings']);
    const iam = parsed.findings.find((f: { rule: string }) => f.rule === 'iam-least-privilege');
    expect(iam).toMatchObject({ category: 'security', severity: 'error' });
    expect(iam.resources).toContain('Role');
    for (const f of parsed.findings)
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'category', 'severity', 'title', 'message', 'resources']));
  });

  it('analyzes the code blocks of a markdown answer as source, with markdown line numbers', () => {
    const md = file('answer.md', '# Answer\n\n`app.py`:\n\n```python\nfrom aws_cdk import core\n```\n');
    const { code, stdout } = cli('analyze', md);
    expect(code).toBe(0);
    const finding = JSON.parse(stdout).findings.find((f: { rule: string }) => f.rule === 'cdk-v1-imports');
    expect(finding).toMatchObject({ resources: [], location: { file: md, line: 6 } });
  });

  it('renders markdown in the seed format with --format md', () => {
    const { code, stdout } = cli('analyze', file('t2.yaml', yamlTemplate), '--format', 'md');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Findings/);
    expect(stdout).toContain('## 3. Security Concerns');
    expect(stdout).toContain('Overly Broad IAM Permissions');
  });

  it('exits 2 with a message on stderr when the file is missing or does not parse', () => {
    const missing = cli('analyze', path.join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/nope\.json: cannot read file/);
    const broken = cli('analyze', file('bad.json', '{"Resources": {'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/bad\.json: cannot parse JSON/);
  });

  it('exits 2 on an unknown format or command', () => {
    expect(cli('analyze', file('t3.yaml', yamlTemplate), '--format', 'xml').code).toBe(2);
    expect(cli('frobnicate').code).toBe(2);
  });
});

describe('infra-review review', () => {
  it('reviews the bundled model against the synthesized reference: all seed rules on the model, none open on the reference', () => {
    const { code, stdout } = cli('review', '--format', 'json');
    expect(code).toBe(0);
    const review = JSON.parse(stdout);
    expect(review.reference.status).toBe('ok');
    const model = new Set(review.findings.filter((f: { side: string }) => f.side === 'model').map((f: { rule: string }) => f.rule));
    for (const rule of [
      'cdk-v1-imports',
      'hardcoded-availability-zones',
      'lambda-table-name-env',
      'lambda-logs-permissions',
      'lambda-dead-letter-queue',
      'alarm-configuration',
      'lambda-private-subnets',
      's3-encryption-enforced',
      'iam-least-privilege',
      'lambda-provisioned-concurrency',
      'nat-gateway-redundancy',
      'api-caching',
      'lambda-log-group',
      'lambda-throttle-alarm',
    ]) {
      expect(model, rule).toContain(rule);
    }
    expect(review.findings.filter((f: { side: string; acknowledged?: unknown }) => f.side === 'reference' && !f.acknowledged)).toEqual([]);
    expect(review.diff.resources.length).toBeGreaterThan(0);
  });

  it('takes a reference and a model file, YAML or JSON, and diffs them', () => {
    const reference = file('ref.yaml', 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n');
    const model = file(
      'model.json',
      JSON.stringify({ Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'x' } } } }),
    );
    const { code, stdout } = cli('review', '--reference', reference, '--model', model);
    expect(code).toBe(0);
    const review = JSON.parse(stdout);
    expect(review.diff.resources).toEqual([
      expect.objectContaining({
        logicalId: 'Topic',
        change: 'updated',
        properties: [expect.objectContaining({ path: 'Properties.DisplayName', after: 'x' })],
      }),
    ]);
    expect(review.findings.every((f: { side: string }) => ['model', 'reference'].includes(f.side))).toBe(true);
  });

  it('reports what the model lacks or sets otherwise than the reference as difference findings, renamed resources paired', () => {
    const reference = file(
      'diff-ref.yaml',
      [
        'Resources:',
        '  DataBucket1A2B3C4D:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      VersioningConfiguration: { Status: Enabled }',
        '  Dlq:',
        '    Type: AWS::SQS::Queue',
        'Outputs:',
        '  BucketName: { Value: !Ref DataBucket1A2B3C4D }',
        '',
      ].join('\n'),
    );
    const model = file('diff-model.yaml', 'Resources:\n  DataBucketEF567890:\n    Type: AWS::S3::Bucket\n');
    const review = JSON.parse(cli('review', '--reference', reference, '--model', model).stdout);
    // Updated rows come first, then removed ones: the renamed bucket is one updated row, not one removed and one added.
    expect(review.diff.resources).toEqual([
      expect.objectContaining({ logicalId: 'DataBucket1A2B3C4D', modelLogicalId: 'DataBucketEF567890', change: 'updated' }),
      expect.objectContaining({ logicalId: 'Dlq', change: 'removed' }),
    ]);
    const differences = review.findings.filter((f: { source: string }) => f.source === 'reference-diff');
    const rules = differences.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['difference/missing-resource', 'difference/property', 'difference/template-section']));
    const versioning = differences.find((f: { rule: string }) => f.rule === 'difference/property');
    expect(versioning).toMatchObject({ side: 'model', resources: ['DataBucketEF567890'] });
    expect(versioning.fix).toContain('VersioningConfiguration');
  });

  it("prints the seed's MODEL_FAILURES.md structure with --format md", () => {
    const { code, stdout } = cli('review', '--format', 'md');
    expect(code).toBe(0);
    for (const heading of [
      '## 1. Syntax Issues',
      '## 2. Deployment-Time Errors',
      '## 3. Security Concerns',
      '## 4. Performance Considerations',
      '## 5. Observability and Monitoring',
      '## Summary of Fixes',
    ]) {
      expect(stdout).toContain(heading);
    }
    expect(stdout).toContain('### **Issue 1: Outdated AWS CDK Imports**');
  });

  it('exits 2 when a given file is missing', () => {
    const { code, stderr } = cli('review', '--model', path.join(dir, 'missing.yaml'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/missing\.yaml: cannot read file/);
  });
});

describe('infra-review exports for CI (--format sarif|junit, --fail-on)', () => {
  const acknowledged = `Resources:
  Role:
    Type: AWS::IAM::Role
    Metadata:
      infra-review:
        acknowledge: [{ rule: iam-least-privilege, reason: reviewed }]
    Properties:
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: 'sts:AssumeRole' }] }
      Policies:
        - PolicyName: all
          PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Action: 'dynamodb:*', Resource: '*' }] }
`;

  it('prints SARIF 2.1.0 for analyze, results at the template line of the resource', () => {
    const template = file('ci.yaml', yamlTemplate);
    const { code, stdout } = cli('analyze', template, '--format', 'sarif');
    expect(code).toBe(0);
    const log = JSON.parse(stdout);
    expect(log.version).toBe('2.1.0');
    const iam = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'iam-least-privilege');
    expect(iam.level).toBe('error');
    expect(iam.locations[0].physicalLocation.region.startLine).toBe(yamlTemplate.split('\n').indexOf('  Role:') + 1);
  });

  it('prints JUnit XML for review and analyze', () => {
    const { code, stdout } = cli('analyze', file('ci2.yaml', yamlTemplate), '--format', 'junit');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(stdout).toContain('<testsuite name="security"');
    expect(stdout).toContain('name="iam-least-privilege: Role"');
  });

  it('exits 1 with --fail-on when an unacknowledged finding is at or above it, 0 when all such findings are acknowledged', () => {
    expect(cli('analyze', file('ci3.yaml', yamlTemplate), '--fail-on', 'error').code).toBe(1);
    const accepted = file('ci4.yaml', acknowledged);
    const errorGate = cli('analyze', accepted, '--fail-on', 'error', '--format', 'json');
    const errors = JSON.parse(errorGate.stdout).findings.filter(
      (f: { severity: string; acknowledged?: unknown }) => f.severity === 'error' && !f.acknowledged,
    );
    expect(errors).toEqual([]);
    expect(errorGate.code).toBe(0);
  });

  it('gates and exports only the model own findings: a problem the reference has too is shared, not a failure', () => {
    const template = file('shared.yaml', yamlTemplate);
    const gate = cli('review', '--reference', template, '--model', template, '--fail-on', 'info', '--format', 'sarif');
    expect(gate.code).toBe(0);
    expect(JSON.parse(gate.stdout).runs[0].results).toEqual([]);
    const review = JSON.parse(cli('review', '--reference', template, '--model', template).stdout);
    const model = review.findings.filter((f: { side: string }) => f.side === 'model');
    expect(model.length).toBeGreaterThan(0);
    expect(model.every((f: { shared?: boolean }) => f.shared === true)).toBe(true);
    expect(cli('analyze', template, '--fail-on', 'info').code).toBe(1);
  });

  it('exits 1 for the bundled review with --fail-on warning and prints SARIF with it', () => {
    const { code, stdout } = cli('review', '--format', 'sarif', '--fail-on', 'warning');
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    expect(
      log.runs[0].results.some(
        (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          r.locations[0].physicalLocation.artifactLocation.uri === 'infra/model/model.template.json',
      ),
    ).toBe(true);
  });

  it('exits 2 on an unknown --fail-on or --format, and on unreadable input even with --fail-on', () => {
    const template = file('ci5.yaml', yamlTemplate);
    const badGate = cli('analyze', template, '--fail-on', 'critical');
    expect(badGate.code).toBe(2);
    expect(badGate.stderr).toMatch(/invalid --fail-on: expected error, warning, info/);
    expect(cli('analyze', template, '--format', 'html').code).toBe(2);
    expect(cli('analyze', path.join(dir, 'nope.yaml'), '--fail-on', 'info').code).toBe(2);
  });

  it('names the option whose value is invalid', () => {
    const template = file('ci6.yaml', yamlTemplate);
    const badFormat = cli('analyze', template, '--format', 'html');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/^infra-review: invalid --format: .*"json".*"md".*"sarif".*"junit"/);
    const badReviewFormat = cli('review', '--format', 'pdf', '--fail-on', 'warning');
    expect(badReviewFormat.code).toBe(2);
    expect(badReviewFormat.stderr).toMatch(/invalid --format:/);
    expect(badReviewFormat.stderr).not.toMatch(/--fail-on/);
  });
});
