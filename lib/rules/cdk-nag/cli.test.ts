import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'infra-review-nag-cli-'));
const templateFile = path.join(dir, 't.json');
const trust = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const everyTableAction = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' }] };
const resources = {
  Fn: {
    Type: 'AWS::Lambda::Function',
    Properties: { Runtime: 'python3.12', Handler: 'index.handler', Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Code: { ZipFile: 'x' } },
  },
  Role: {
    Type: 'AWS::IAM::Role',
    Properties: { AssumeRolePolicyDocument: trust, Policies: [{ PolicyName: 'all', PolicyDocument: everyTableAction }] },
  },
};
writeFileSync(templateFile, JSON.stringify({ Resources: resources }, null, 2));

/** Runs the CLI as users do, in a fresh process. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

type JsonFinding = { rule: string; source: string; sources?: string[]; rules?: string[]; resources: string[] };

describe('infra-review analyze --packs', () => {
  it('adds cdk-nag findings and merges the IAM wildcard problem into the seed finding', () => {
    const { code, stdout, stderr } = cli('analyze', templateFile, '--packs', 'aws-solutions,serverless');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const findings = JSON.parse(stdout).findings as JsonFinding[];
    const iam = findings.filter((f) => f.rules?.includes('iam-least-privilege'));
    expect(iam).toHaveLength(1);
    expect(iam[0].sources).toEqual(['infra-review', 'cdk-nag']);
    expect(iam[0].rules!.some((r) => r.startsWith('AwsSolutions-IAM5'))).toBe(true);
    expect(findings.some((f) => f.rule === 'Serverless-LambdaDLQ' && f.resources[0] === 'Fn')).toBe(false);
    expect(findings.find((f) => f.rules?.includes('Serverless-LambdaDLQ'))).toMatchObject({
      rule: 'lambda-dead-letter-queue',
      sources: ['infra-review', 'cdk-nag'],
    });
  });

  it('runs no pack without --packs', () => {
    const findings = JSON.parse(cli('analyze', templateFile).stdout).findings as JsonFinding[];
    expect(findings.every((f) => f.source !== 'cdk-nag' && !f.sources?.includes('cdk-nag'))).toBe(true);
  });

  it('rejects an unknown pack with exit code 2, naming the valid packs', () => {
    const { code, stderr, stdout } = cli('analyze', templateFile, '--packs', 'sox');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('"sox"');
    expect(stderr).toContain('aws-solutions');
  });
});
