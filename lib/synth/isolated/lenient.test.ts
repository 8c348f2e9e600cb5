import { describe, expect, it } from 'vitest';
import { synthesizeIsolated } from './index';
import { pythonToolchain } from './python';
import { failedWith } from './test-util';
import type { AnswerFile } from './types';

/* Real answers run by the real worker: each test pays for one Node process loading aws-cdk-lib. */
const FAST = { timeoutMs: 60_000, memoryMb: 512 };

/** A TypeScript answer (a bin/ app and lib/tap-stack.ts) whose stack's constructor runs `body`. */
function answer(body: string): AnswerFile[] {
  return [
    {
      path: 'bin/tap.ts',
      text: "import { App } from 'aws-cdk-lib';\nimport { TapStack } from '../lib/tap-stack';\nconst app = new App();\nnew TapStack(app, 'TapStack');\napp.synth();\n",
    },
    {
      path: 'lib/tap-stack.ts',
      text: `import { Lazy, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export class TapStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
${body}
  }
}
`,
    },
  ];
}

const typesOf = (template: { Resources: Record<string, { Type: string }> }) =>
  Object.values(template.Resources)
    .map((r) => r.Type)
    .sort();

describe('synthesizeIsolated: a template despite a failure', () => {
  it('an answer that throws while building its stack fails at synth with its line, and keeps the partial template of what it built before', async () => {
    const result = failedWith(
      await synthesizeIsolated({
        language: 'typescript',
        limits: FAST,
        files: answer(`    const bucket = new s3.Bucket(this, 'Assets');
    new sqs.Queue(this, 'Jobs');
    (bucket as any).metricAllRequests().createAlarm(this, 'Requests', { threshold: 1, evaluationPeriods: 1 });
    new sns.Topic(this, 'Alerts');`),
      }),
      'synth',
    );
    expect(result.diagnostics).toEqual([expect.objectContaining({ file: 'lib/tap-stack.ts', line: 12 })]);
    expect(result.lenient?.templates.map((t) => t.stackName)).toEqual(['TapStack']);
    expect(typesOf(result.lenient!.templates[0].template)).toEqual(['AWS::S3::Bucket', 'AWS::SQS::Queue']);
    expect(result.lenient?.note).toMatch(/^partial template: .* before it failed at lib\/tap-stack\.ts:12;/);
  });

  it('an answer that throws before building any resource gets no (empty) template', async () => {
    const result = failedWith(
      await synthesizeIsolated({
        language: 'typescript',
        limits: FAST,
        files: answer(`    (s3.Bucket as any).fromNowhere(this, 'Assets');
    new sqs.Queue(this, 'Jobs');`),
      }),
      'synth',
    );
    expect(result.lenient).toBeUndefined();
  });

  it('an answer with a syntax error gets no template', async () => {
    const result = failedWith(
      await synthesizeIsolated({ language: 'typescript', limits: FAST, files: answer(`    new s3.Bucket(this, 'Assets', {`) }),
      'compile',
    );
    expect(result.lenient).toBeUndefined();
  });

  it('an answer importing a module that does not exist (CDK v1) gets no template', async () => {
    const files = answer(`    new s3.Bucket(this, 'Assets');
    new sns.Topic(this, 'Alerts');`);
    files[1].text = files[1].text.replace("'aws-cdk-lib/aws-sns'", "'@aws-cdk/aws-sns'");
    const result = failedWith(await synthesizeIsolated({ language: 'typescript', limits: FAST, files }), 'compile');
    expect(result.lenient).toBeUndefined();
  });

  it('an app whose synthesis itself throws (a token that cannot resolve) gets no template', async () => {
    const result = failedWith(
      await synthesizeIsolated({
        language: 'typescript',
        limits: FAST,
        files: answer(`    new s3.Bucket(this, 'Assets');
    new sqs.Queue(this, 'Jobs', { queueName: Lazy.string({ produce: () => { throw new Error('no name yet'); } }) });`),
      }),
      'synth',
    );
    expect(result.message).toContain('no name yet');
    expect(result.lenient).toBeUndefined();
  });

  it.skipIf(!pythonToolchain())(
    'a Python answer that raises while building its stack keeps the partial template; one with a syntax error gets none',
    async () => {
      const stack = (body: string) => [
        {
          path: 'app.py',
          text: `import aws_cdk as cdk
from aws_cdk import Stack, aws_s3 as s3, aws_sqs as sqs

class TapStack(Stack):
    def __init__(self, scope, id, **kwargs):
        super().__init__(scope, id, **kwargs)
${body}

app = cdk.App()
TapStack(app, "TapStack")
app.synth()
`,
        },
      ];
      const limits = { timeoutMs: 120_000 };
      const raised = failedWith(
        await synthesizeIsolated({
          language: 'python',
          limits,
          files: stack('        s3.Bucket(self, "Data")\n        sqs.Queue(self, "Jobs", retention_days=4)\n'),
        }),
        'synth',
      );
      expect(raised.message).toMatch(/TypeError: .*retention_days/);
      expect(raised.diagnostics[0]).toMatchObject({ file: 'app.py', line: 8 });
      expect(typesOf(raised.lenient!.templates[0].template)).toEqual(['AWS::S3::Bucket']);
      expect(raised.lenient?.note).toMatch(/^partial template: .* at app\.py:8;/);

      const broken = failedWith(
        await synthesizeIsolated({ language: 'python', limits, files: stack('        s3.Bucket(self, "Data"\n') }),
        'compile',
      );
      expect(broken.lenient).toBeUndefined();
    },
    300_000,
  );
});
