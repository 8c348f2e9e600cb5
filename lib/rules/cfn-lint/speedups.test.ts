import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cfnLintPython } from './python';
import { INVALID_ALARM_PERIOD } from './test-templates';

const fixture = (name: string) => readFileSync(path.join(process.cwd(), name), 'utf8');

// Model answers of three corpus tasks (Pr4964, Pr5958, Pr240) and two small templates: findings in resources, outputs, conditions and the Resources mapping itself, in JSON and YAML.
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
  // Repeated primary identifiers (E3019): plain, conditional, bool-like, referenced and number-like names.
  [
    'Parameters:',
    '  Env: {Type: String}',
    'Conditions:',
    '  Prod: !Equals [!Ref Env, prod]',
    'Resources:',
    ...['A', 'B'].map((id) => `  ${id}: {Type: AWS::S3::Bucket, Properties: {BucketName: same}}`),
    '  C: {Type: AWS::S3::Bucket, Condition: Prod, Properties: {BucketName: same}}',
    '  D: {Type: AWS::S3::Bucket, Properties: {BucketName: !If [Prod, same, other]}}',
    '  E: {Type: AWS::S3::Bucket, Properties: {BucketName: other}}',
    '  F: {Type: AWS::S3::Bucket, Properties: {BucketName: "true"}}',
    '  G: {Type: AWS::S3::Bucket, Properties: {BucketName: "TRUE"}}',
    ...['H', 'I'].map((id) => `  ${id}: {Type: AWS::S3::Bucket, Properties: {BucketName: !Ref Env}}`),
    '  J: {Type: AWS::SQS::Queue, Properties: {QueueName: "1"}}',
    '  K: {Type: AWS::SQS::Queue, Properties: {QueueName: 1}}',
  ].join('\n'),
];

/** The matches of one worker process per template, with the speed-ups on or off, linting part `part` (k/n). */
function replies(speedups: boolean, part = '0/1'): { matches: unknown[] }[] {
  const input = templates.map((text, id) => JSON.stringify({ id, text })).join('\n');
  const run = spawnSync(cfnLintPython()!, [path.join(process.cwd(), 'lib/rules/cfn-lint/worker.py'), '--part', part], {
    input,
    encoding: 'utf8',
    // A fixed hash seed: some messages print a set of names (E3019), whose order follows the seed.
    env: { ...process.env, PYTHONHASHSEED: '0', INFRA_REVIEW_CFN_LINT_SPEEDUPS: speedups ? '1' : '0' },
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
