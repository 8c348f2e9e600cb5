import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cfnLintPython } from './python';
import { INVALID_ALARM_PERIOD } from './test-templates';

const fixture = (name: string) => readFileSync(path.join(process.cwd(), name), 'utf8');

// Model answers of three corpus tasks (Pr4964, Pr5958, Pr240) and a small template: findings in resources, outputs, conditions and the Resources mapping itself, in JSON and YAML.
const templates = [
  fixture('infra/model/model.template.json'),
  fixture('lib/rules/cfn-lint/fixtures/corpus-pr4964-model.json'),
  fixture('lib/rules/cfn-lint/fixtures/corpus-pr5958-model.yaml'),
  fixture('lib/rules/cfn-lint/fixtures/corpus-pr240-model.yaml'),
  [
    'Conditions:',
    '  Prod: !Equals [!Ref "AWS::Region", us-east-1]',
    'Resources:',
    ...INVALID_ALARM_PERIOD,
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    '    Condition: Missing',
    '    Properties:',
    '      BucketName: !Sub "${AWS::StackName}-Data"',
    '  Queue:',
    '    Type: AWS::SQS::Queue',
    '    Properties:',
    '      VisibilityTimeout: 100000',
    '      Unknown: 1',
    '  bad-name:',
    '    Type: AWS::SNS::Topic',
    'Outputs:',
    '  Arn:',
    '    Value: !GetAtt Queue.Nope',
  ].join('\n'),
];

/** The matches of one worker process per template, with the speed-ups on or off, linting part `part` (k/n). */
function replies(speedups: boolean, part = '0/1'): { matches: unknown[] }[] {
  const input = templates.map((text, id) => JSON.stringify({ id, text })).join('\n');
  const run = spawnSync(cfnLintPython()!, [path.join(process.cwd(), 'lib/rules/cfn-lint/worker.py'), '--part', part], {
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

const asSet = (matches: unknown[]) => [...new Set(matches.map((match) => JSON.stringify(match)))].sort();

describe('cfn-lint speed-ups', () => {
  const plain = replies(false);

  it('change nothing that cfn-lint reports', () => {
    const fast = replies(true);
    expect(fast).toHaveLength(templates.length);
    expect(plain.every((reply) => reply.matches?.length)).toBe(true);
    // As sets: cfn-lint orders some matches by iterating a set of strings, which differs between processes.
    expect(fast.map((reply) => asSet(reply.matches))).toEqual(plain.map((reply) => asSet(reply.matches)));
  }, 120_000);

  it.each(['2', '3'])(
    'split over %s parts: the union of the parts is what cfn-lint reports',
    (count) => {
      const parts = Array.from({ length: Number(count) }, (_, k) => replies(true, `${k}/${count}`));
      templates.forEach((_, id) => {
        expect(asSet(parts.flatMap((part) => part[id].matches))).toEqual(asSet(plain[id].matches));
      });
      // Each part does a share of the work: no part alone reports everything on the model template.
      expect(parts.every((part) => asSet(part[0].matches).length < asSet(plain[0].matches).length)).toBe(true);
    },
    120_000,
  );
});
