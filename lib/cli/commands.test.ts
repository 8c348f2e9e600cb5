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
    for (const f of parsed.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'category', 'severity', 'title', 'message', 'resources']));
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
