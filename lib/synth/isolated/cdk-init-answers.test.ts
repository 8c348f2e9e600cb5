import { describe, expect, it } from 'vitest';
import { isolatedSynthFindings, synthesizeIsolated } from './index';
import { failedWith } from './test-util';
import type { AnswerFile, IsolatedSynthResult } from './types';

/* Answers written as for a `cdk init` app, each run by the real worker: what `cdk synth` turns into templates must synthesize here too. */
const LIMITS = { timeoutMs: 60_000, memoryMb: 512 };

/** A `lib/tap-stack.ts` with `imports`, whose TapStack constructor runs `body`. */
function tapStack(body: string, imports = '') {
  return {
    path: 'lib/tap-stack.ts',
    text: `import * as cdk from 'aws-cdk-lib';
import { Construct } from 'constructs';
${imports}
export class TapStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
${body}
  }
}
`,
  };
}

/** The `bin/tap.ts` that `cdk init app --language typescript` wrote before aws-cdk-lib 2.200: it loads source-map-support. */
const CDK_INIT_BIN = {
  path: 'bin/tap.ts',
  text: "#!/usr/bin/env node\nimport 'source-map-support/register';\nimport * as cdk from 'aws-cdk-lib';\nimport { TapStack } from '../lib/tap-stack';\n\nconst app = new cdk.App();\nnew TapStack(app, 'TapStack', {});\n",
};

async function synth(files: AnswerFile[]) {
  return synthesizeIsolated({ language: 'typescript', limits: LIMITS, files });
}

/** The resource types of the first stack, sorted; fails the test with the result when synthesis failed. */
function typesOf(result: IsolatedSynthResult): string[] {
  if (result.status !== 'ok') throw new Error(JSON.stringify(result).slice(0, 1000));
  return Object.values(result.templates[0].template.Resources)
    .map((r) => r.Type)
    .sort();
}

describe('synthesizeIsolated: answers laid out as a cdk init app', () => {
  it('stages custom-resource assets into the scratch cdk.out (an autoDeleteObjects bucket), though fs-extra stats every parent directory', async () => {
    const result = await synth([
      tapStack(
        "    new s3.Bucket(this, 'Logs', { autoDeleteObjects: true, removalPolicy: cdk.RemovalPolicy.DESTROY });",
        "import * as s3 from 'aws-cdk-lib/aws-s3';",
      ),
    ]);
    expect(typesOf(result)).toEqual([
      'AWS::IAM::Role',
      'AWS::Lambda::Function',
      'AWS::S3::Bucket',
      'AWS::S3::BucketPolicy',
      'Custom::S3AutoDeleteObjects',
    ]);
  });

  it("runs a cdk init bin/ file (source-map-support/register) and leaves the answer's tests out, even one that does not compile", async () => {
    const result = await synth([
      CDK_INIT_BIN,
      tapStack("    new sqs.Queue(this, 'Jobs');", "import * as sqs from 'aws-cdk-lib/aws-sqs';"),
      {
        path: 'test/tap.test.ts',
        text: "import { Template } from 'aws-cdk-lib/assertions';\ndescribe('TapStack', () => { it('has', () => { expect(1).toBe( });\n",
      },
      { path: 'lib/tap-stack.spec.ts', text: "throw new Error('a spec file must not run');\n" },
    ]);
    expect(typesOf(result)).toEqual(['AWS::SQS::Queue']);
  });

  it('finds the Stack class behind an abstract base class of the answer and passes the environmentSuffix its props require', async () => {
    const result = await synth([
      {
        path: 'lib/base-stack.ts',
        text: "import * as cdk from 'aws-cdk-lib';\nexport interface BaseProps extends cdk.StackProps {\n  environmentSuffix: string;\n}\nexport abstract class BaseStack extends cdk.Stack {\n  protected readonly suffix: string;\n  constructor(scope: cdk.App, id: string, props: BaseProps) {\n    super(scope, id, props);\n    this.suffix = props.environmentSuffix.toLowerCase();\n  }\n}\n",
      },
      {
        path: 'lib/tap-stack.ts',
        text: "import * as cdk from 'aws-cdk-lib';\nimport * as sqs from 'aws-cdk-lib/aws-sqs';\nimport { BaseStack, BaseProps } from './base-stack';\nexport class TapStack extends BaseStack {\n  constructor(scope: cdk.App, id: string, props: BaseProps) {\n    super(scope, id, props);\n    new sqs.Queue(this, 'Queue', { queueName: `jobs-${this.suffix}` });\n  }\n}\n",
      },
    ]);
    typesOf(result);
    expect(result.status === 'ok' && Object.values(result.templates[0].template.Resources)[0].Properties?.QueueName).toBe('jobs-dev');
  });

  it("resolves relative asset paths against the answer's root (Code.fromAsset('lib/lambda'))", async () => {
    const result = await synth([
      tapStack(
        "    new lambda.Function(this, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromAsset('lib/lambda') });",
        "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      ),
      { path: 'lib/lambda/index.js', text: 'exports.handler = async () => ({ statusCode: 200 });\n' },
    ]);
    // The log group comes from cdk init's feature flags (useCdkManagedLogGroup), which an answer without a cdk.json gets.
    expect(typesOf(result)).toEqual(['AWS::IAM::Role', 'AWS::Lambda::Function', 'AWS::Logs::LogGroup']);
  });

  it('synthesizes a NodejsFunction with its .ts handler, bundling skipped and no lock file of its own', async () => {
    const result = await synth([
      tapStack(
        "    new NodejsFunction(this, 'Api', { entry: 'lib/lambda/api.ts', runtime: lambda.Runtime.NODEJS_20_X });",
        "import * as lambda from 'aws-cdk-lib/aws-lambda';\nimport { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';",
      ),
      { path: 'lib/lambda/api.ts', text: 'export const handler = async (): Promise<{ statusCode: number }> => ({ statusCode: 200 });\n' },
    ]);
    expect(typesOf(result)).toEqual(['AWS::IAM::Role', 'AWS::Lambda::Function', 'AWS::Logs::LogGroup']);
  });

  it("reports a package the answer's package.json declares but infra-review does not provide as a tool failure, with no finding", async () => {
    const result = await synth([
      {
        path: 'package.json',
        text: JSON.stringify({ name: 'tap', dependencies: { 'aws-cdk-lib': '2.200.0', 'cdk-ec2-key-pair': '4.0.0' } }),
      },
      tapStack("    new KeyPair(this, 'Key', { keyPairName: 'k' });", "import { KeyPair } from 'cdk-ec2-key-pair';"),
    ]);
    const failure = failedWith(result, 'tool');
    expect(failure.message).toMatch(/cdk-ec2-key-pair is not installed/);
    expect(isolatedSynthFindings(failure)).toEqual([]);
  });

  it("points at the answer's line when a library throws many frames below it (ajv compiling an unknown format)", async () => {
    const result = await synth([
      tapStack(
        "    new Ajv().compile({ type: 'object', properties: { day: { type: 'string', format: 'date' } } });",
        "import Ajv from 'ajv';",
      ),
    ]);
    const failure = failedWith(result, 'synth');
    expect(failure.message).toMatch(/unknown format "date"/);
    expect(failure.diagnostics[0]).toMatchObject({ file: 'lib/tap-stack.ts', line: 7 });
  });

  it("still reports the answer's own error with its file, line and CDK's message", async () => {
    const result = await synth([CDK_INIT_BIN, tapStack("    new cdk.aws_s3.Bucket(this, 'B', { bucketName: 'Upper_Case' });")]);
    const failure = failedWith(result, 'synth');
    expect(failure.message).toMatch(/[Bb]ucket name/);
    expect(failure.diagnostics[0]).toMatchObject({ file: 'lib/tap-stack.ts', line: 7 });
  });
});
