import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { failedWith } from './test-util';
import { describe, expect, it } from 'vitest';
import { isolatedSynthFindings, synthesizeIsolated } from './index';
import { networkNamespaceAvailable } from './sandbox';

/* Answers are real CDK code run by the real worker: each test pays for one Node process loading aws-cdk-lib. */
const FAST = { timeoutMs: 60_000, memoryMb: 512 };

/** A TypeScript answer whose `lib/tap-stack.ts` defines TapStack with `body` in its constructor, after `prelude`. */
function stackAnswer(body: string, prelude = '') {
  return [
    {
      path: 'lib/tap-stack.ts',
      text: `import { Stack, StackProps, CfnOutput } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
${prelude}
export class TapStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
${body}
  }
}
`,
    },
  ];
}

describe('synthesizeIsolated: TypeScript answers', () => {
  it('synthesizes a module exporting a Stack class (a queue and a bucket) and removes its scratch directory', async () => {
    const result = await synthesizeIsolated({
      language: 'typescript',
      limits: FAST,
      files: stackAnswer(`    new sqs.Queue(this, 'Orders');
    new s3.Bucket(this, 'Assets', { versioned: true });
    new CfnOutput(this, 'Cwd', { value: process.cwd() });`),
    });
    if (result.status !== 'ok') throw new Error(JSON.stringify(result));
    expect(result.templates.map((t) => t.stackName)).toEqual(['TapStack']);
    const { template } = result.templates[0];
    const types = Object.values(template.Resources)
      .map((r) => r.Type)
      .sort();
    expect(types).toEqual(['AWS::S3::Bucket', 'AWS::SQS::Queue']);
    expect(result.containment).toEqual({ network: networkNamespaceAvailable() ? 'namespace' : 'module', filesystem: 'permission-model' });
    const cwd = String((template.Outputs?.Cwd as { Value: string }).Value);
    expect(cwd).toContain('infra-review-synth-');
    expect(existsSync(cwd)).toBe(false);
  });

  it('runs the app entry under bin/ when there is one, with every stack it creates', async () => {
    const result = await synthesizeIsolated({
      language: 'typescript',
      limits: FAST,
      files: [
        ...stackAnswer(`    new sqs.Queue(this, 'Jobs');`),
        {
          path: 'bin/tap.ts',
          text: "import { App } from 'aws-cdk-lib';\nimport { TapStack } from '../lib/tap-stack';\nconst app = new App();\nnew TapStack(app, 'TapStackDev');\nnew TapStack(app, 'TapStackProd');\n",
        },
      ],
    });
    if (result.status !== 'ok') throw new Error(JSON.stringify(result));
    expect(result.templates.map((t) => t.stackName).sort()).toEqual(['TapStackDev', 'TapStackProd']);
  });

  it("runs the file named by cdk.json's app command, with cdk.json's context", async () => {
    const result = await synthesizeIsolated({
      language: 'typescript',
      limits: FAST,
      files: [
        { path: 'cdk.json', text: JSON.stringify({ app: 'npx ts-node src/main.ts', context: { queueName: 'from-cdk-json' } }) },
        {
          path: 'src/main.ts',
          text: "import { App, Stack } from 'aws-cdk-lib';\nimport * as sqs from 'aws-cdk-lib/aws-sqs';\nconst app = new App();\nconst stack = new Stack(app, 'FromCdkJson');\nnew sqs.Queue(stack, 'Q', { queueName: stack.node.tryGetContext('queueName') });\n",
        },
        { path: 'bin/other.ts', text: "import { App } from 'aws-cdk-lib';\nthrow new Error('not the entry');\nnew App();\n" },
      ],
    });
    if (result.status !== 'ok') throw new Error(JSON.stringify(result));
    expect(result.templates[0].stackName).toBe('FromCdkJson');
    expect(Object.values(result.templates[0].template.Resources)[0].Properties?.QueueName).toBe('from-cdk-json');
  });

  it('reports a syntax error with its file and line, without running anything, as a cdk-compile finding', async () => {
    const files = stackAnswer(`    new sqs.Queue(this, 'Broken', {\n      visibilityTimeout: ,\n    });`);
    const result = failedWith(await synthesizeIsolated({ language: 'typescript', files }), 'compile');
    expect(result.diagnostics[0]).toMatchObject({ file: 'lib/tap-stack.ts', line: 10 });
    expect(result.diagnostics[0].message).toMatch(/expression expected/i);
    const [finding] = isolatedSynthFindings(result);
    expect(finding).toMatchObject({
      rule: 'cdk-compile',
      category: 'syntax',
      severity: 'error',
      location: { file: 'lib/tap-stack.ts', line: 10 },
    });
  });

  it('reports an import of a module that does not exist (CDK v1) as a compile failure at the importing line', async () => {
    const files = [
      {
        path: 'lib/tap-stack.ts',
        text: "import * as cdk from 'aws-cdk-lib';\nimport * as core from '@aws-cdk/core';\nexport class TapStack extends cdk.Stack {}\nconsole.log(core);\n",
      },
    ];
    const result = failedWith(await synthesizeIsolated({ language: 'typescript', files, limits: FAST }), 'compile');
    expect(result.message).toContain('@aws-cdk/core');
    expect(result.diagnostics[0]).toMatchObject({ file: 'lib/tap-stack.ts', line: 2 });
  });

  it('reports a construct that throws during synthesis with its message, file and line', async () => {
    const files = stackAnswer(
      `    new sqs.Queue(this, 'Fine');\n    new s3.Bucket(this, 'Named', { bucketName: 'Not_A_Valid_Bucket_Name' });`,
    );
    const result = failedWith(await synthesizeIsolated({ language: 'typescript', files, limits: FAST }), 'synth');
    expect(result.message).toMatch(/bucket name/i);
    expect(result.diagnostics[0]).toMatchObject({ file: 'lib/tap-stack.ts', line: 10 });
    expect(isolatedSynthFindings(result)[0]).toMatchObject({ rule: 'cdk-synth', category: 'deployment' });
  });

  it('tells an answer without an app or a Stack class that it has no entry', async () => {
    const result = failedWith(
      await synthesizeIsolated({ language: 'typescript', files: [{ path: 'lib/util.ts', text: 'export const x = 1;\n' }] }),
      'compile',
    );
    expect(result.message).toMatch(/no CDK app entry/);
  });

  it('throws bad_request:input for a malformed request (no files, an oversized file, a bad limit)', async () => {
    await expect(synthesizeIsolated({ language: 'typescript', files: [] })).rejects.toMatchObject({ code: 'bad_request:input' });
    await expect(
      synthesizeIsolated({ language: 'typescript', files: [{ path: 'a.ts', text: 'x'.repeat(5 * 1024 * 1024) }] }),
    ).rejects.toMatchObject({ code: 'bad_request:input' });
    await expect(
      synthesizeIsolated({ language: 'typescript', files: [{ path: 'a.ts', text: '' }], limits: { timeoutMs: -1 } }),
    ).rejects.toMatchObject({ code: 'bad_request:input' });
  });

  it('refuses file paths that leave the answer directory', async () => {
    const result = failedWith(await synthesizeIsolated({ language: 'typescript', files: [{ path: '../escape.ts', text: '' }] }), 'sandbox');
    expect(result.message).toContain('../escape.ts');
  });
});

describe('synthesizeIsolated: languages', () => {
  it('lists Python answers as source-rules-only when no Python toolchain is configured, and other languages as unsupported', async () => {
    const saved = process.env.INFRA_REVIEW_PYTHON;
    const savedRoot = process.env.INFRA_REVIEW_ROOT;
    delete process.env.INFRA_REVIEW_PYTHON;
    // A root without the installed toolchain (.cache/python-cdk-venv).
    const bareRoot = mkdtempSync(path.join(os.tmpdir(), 'no-python-cdk-'));
    process.env.INFRA_REVIEW_ROOT = bareRoot;
    try {
      const python = await synthesizeIsolated({ language: 'python', files: [{ path: 'app.py', text: 'import aws_cdk\n' }] });
      expect(python).toMatchObject({ status: 'unsupported', language: 'python', supported: ['typescript', 'python'] });
      expect(python.status === 'unsupported' && python.message).toMatch(/source rules only/);
    } finally {
      if (saved !== undefined) process.env.INFRA_REVIEW_PYTHON = saved;
      if (savedRoot !== undefined) process.env.INFRA_REVIEW_ROOT = savedRoot;
      else delete process.env.INFRA_REVIEW_ROOT;
      rmSync(bareRoot, { recursive: true, force: true });
    }
    const java = await synthesizeIsolated({ language: 'java', files: [{ path: 'App.java', text: 'class App {}' }] });
    expect(java).toMatchObject({ status: 'unsupported', language: 'java' });
    expect(java.status === 'unsupported' && java.message).toMatch(/only typescript and python/);
  });
});
