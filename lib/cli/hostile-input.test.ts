import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'infra-review-cli-hostile-'));

/** Runs `analyze` on a file of this text in a fresh process, as users do, with extra environment variables. */
function analyze(name: string, text: string, env: Record<string, string> = {}) {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', 'analyze', file], {
    encoding: 'utf8',
    cwd: process.cwd(),
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, file };
}

/** A plain refusal: exit 2 (bad input), one `infra-review: <file>: ...` line on stderr, nothing on stdout, no stack trace. */
function expectPlainRefusal(outcome: ReturnType<typeof analyze>, reason: RegExp) {
  expect(outcome.stderr).toMatch(reason);
  expect(outcome.code).toBe(2);
  expect(outcome.stdout).toBe('');
  expect(outcome.stderr.startsWith(`infra-review: ${outcome.file}: `)).toBe(true);
  expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
  expect(outcome.stderr).not.toMatch(/Maximum call stack|RangeError|TypeError|freeze|\n\s+at /);
}

// Each case starts a CLI process (seconds); the parser cases themselves are in lib/limits/bounds.test.ts.
describe('infra-review analyze on hostile templates', () => {
  it('refuses 100,000-deep JSON with the depth limit, not a stack overflow', () => {
    const deep = '{"Resources":' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_001);
    expectPlainRefusal(analyze('deep.json', deep), /nested more than 64 levels deep \(INFRA_REVIEW_MAX_DEPTH\)/);
  });

  it('refuses a !!binary value with a parse error that names the tag', () => {
    const binary = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !!binary aGVsbG8=\n';
    expectPlainRefusal(analyze('binary.yaml', binary), /cannot parse: a \w+ value \(from a YAML tag such as !!binary/);
  });

  it('refuses a template over the resource limit set in the environment, naming the limit and the count', () => {
    const resources = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`B${i}`, { Type: 'AWS::S3::Bucket' }]));
    expectPlainRefusal(
      analyze('many.json', JSON.stringify({ Resources: resources }), { INFRA_REVIEW_MAX_RESOURCES: '20' }),
      /30 resources, over the limit of 20 per template \(INFRA_REVIEW_MAX_RESOURCES\)/,
    );
  });
});
