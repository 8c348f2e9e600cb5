import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cfnLintPython } from './python';
import { INVALID_ALARM_PERIOD } from './test-templates';

const templates = [
  readFileSync(path.join(process.cwd(), 'infra/model/model.template.json'), 'utf8'),
  [
    'Resources:',
    ...INVALID_ALARM_PERIOD,
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      BucketName: !Sub "${AWS::StackName}-Data"',
  ].join('\n'),
];

/** Every reply of one worker process that lints `templates` in turn, with the speed-ups on or off. */
function replies(speedups: boolean): unknown[] {
  const input = templates.map((text, id) => JSON.stringify({ id, text })).join('\n');
  const run = spawnSync(cfnLintPython()!, [path.join(process.cwd(), 'lib/rules/cfn-lint/worker.py')], {
    input,
    encoding: 'utf8',
    env: { ...process.env, INFRA_REVIEW_CFN_LINT_SPEEDUPS: speedups ? '1' : '0' },
  });
  return run.stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => JSON.parse(line));
}

describe('cfn-lint speed-ups', () => {
  it('change nothing that cfn-lint reports', () => {
    const fast = replies(true);
    expect(fast).toHaveLength(templates.length);
    expect(fast.every((reply) => (reply as { matches?: unknown[] }).matches?.length)).toBe(true);
    expect(fast).toEqual(replies(false));
  }, 120_000);
});
