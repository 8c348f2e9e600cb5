import { describe, expect, it } from 'vitest';
import { inferNames } from './infer-names';
import { extractCodeBlocks } from './markdown';

const fence = (info: string, ...lines: string[]) => ['', '```' + info, ...lines, '```', ''].join('\n');
const named = (markdown: string) => inferNames(extractCodeBlocks(markdown)).map((b) => [b.name, b.nameFrom]);

describe('inferNames', () => {
  it('names a TypeScript app from cdk.json, its modules by the paths importers use, and configuration files by their keys', () => {
    const markdown = [
      '## Solution',
      fence('json', '{', '  "app": "npx ts-node --prefer-ts-exts bin/infra.ts",', '  "context": {}', '}'),
      fence(
        'typescript',
        "import * as cdk from 'aws-cdk-lib';",
        "import { TapStack } from '../lib/tap-stack';",
        'const app = new cdk.App();',
        "new TapStack(app, 'TapStack');",
      ),
      fence(
        'typescript',
        "import * as cdk from 'aws-cdk-lib';",
        "import { Network } from './constructs/network';",
        'export class TapStack extends cdk.Stack {}',
      ),
      fence('typescript', "import { Construct } from 'constructs';", 'export class Network extends Construct {}'),
      fence('json', '{ "name": "infra", "devDependencies": { "aws-cdk": "2.150.0" } }'),
      fence('json', '{ "compilerOptions": { "strict": true } }'),
      fence('', 'aws-cdk-lib==2.150.0', 'constructs>=10.0.0'),
    ].join('\n');
    expect(named(markdown)).toEqual([
      ['cdk.json', 'content'],
      ['bin/infra.ts', 'content'],
      ['lib/tap-stack.ts', 'content'],
      ['lib/constructs/network.ts', 'content'],
      ['package.json', 'content'],
      ['tsconfig.json', 'content'],
      ['requirements.txt', 'content'],
    ]);
    expect(inferNames(extractCodeBlocks(markdown))[3].nameWhy).toBe('imported as ./constructs/network by lib/tap-stack.ts');
  });

  it('names a Python stack by its importer, and its Lambda handler by what Code.from_asset and handler= point at', () => {
    const markdown = [
      fence(
        'python',
        'import aws_cdk as cdk',
        'from lib.tap_stack import TapStack',
        'app = cdk.App()',
        'TapStack(app, "Tap")',
        'app.synth()',
      ),
      fence(
        'python',
        'from aws_cdk import Stack, aws_lambda as _lambda',
        'class TapStack(Stack):',
        '    def __init__(self, scope, id):',
        '        super().__init__(scope, id)',
        '        _lambda.Function(self, "F", code=_lambda.Code.from_asset("lambda"), handler="orders.handler")',
      ),
      fence('python', 'import json', 'def handler(event, context):', '    return {"statusCode": 200}'),
    ].join('\n');
    expect(named(markdown)).toEqual([
      ['app.py', 'content'],
      ['lib/tap_stack.py', 'content'],
      ['lambda/orders.py', 'content'],
    ]);
  });

  it("falls back to cdk init's names for a Stack and an App nothing imports or runs", () => {
    const ts = fence('ts', "import { App, Stack } from 'aws-cdk-lib';", 'export class NetworkingStack extends Stack {}');
    expect(named(ts)).toEqual([['lib/networking-stack.ts', 'content']]);
    const py = fence('python', 'from aws_cdk import App, Stack', 'class Iac(Stack):', '    pass', 'app = App()', 'Iac(app, "x")');
    expect(named(py)).toEqual([['app.py', 'content']]);
    expect(named(fence('python', 'from aws_cdk import Stack', 'class Iac(Stack):', '    pass'))).toEqual([['iac_stack.py', 'content']]);
  });

  it('gives an unnamed final block the name a stated draft of the same Stack class has', () => {
    const markdown = [
      '## Reasoning',
      '`lib/main.ts`:',
      fence('ts', "import { Stack } from 'aws-cdk-lib';", 'export class MainStack extends Stack { /* v1 */ }'),
      '## Final answer',
      fence('ts', "import { Stack } from 'aws-cdk-lib';", 'export class MainStack extends Stack { /* v2 */ }'),
    ].join('\n');
    expect(named(markdown)).toEqual([
      ['lib/main.ts', 'text'],
      ['lib/main.ts', 'content'],
    ]);
  });

  it('does not take a test that creates an App for the App entry', () => {
    const markdown = [
      '`test/tap.test.ts`:',
      fence(
        'ts',
        "import { App } from 'aws-cdk-lib';",
        "import { Template } from 'aws-cdk-lib/assertions';",
        "test('synth', () => new App());",
      ),
      fence('ts', "import { App } from 'aws-cdk-lib';", "import { TapStack } from '../lib/tap-stack';", "new TapStack(new App(), 'Tap');"),
      fence('ts', "import { App } from 'aws-cdk-lib';", "describe('stack', () => { new App(); });"),
    ].join('\n');
    expect(named(markdown)).toEqual([
      ['test/tap.test.ts', 'text'],
      ['bin/tap.ts', 'content'],
      [undefined, undefined],
    ]);
  });

  it('keeps stated names, and leaves unnamed what nothing places (snippets, shell, CDK code with an inline handler)', () => {
    const markdown = [
      '`bin/app.ts`:',
      fence('ts', "import { App } from 'aws-cdk-lib';", 'new App();'),
      fence('ts', "const bucket = new s3.Bucket(this, 'B');"),
      fence('bash', 'npx cdk deploy'),
      fence(
        'python',
        'fn = _lambda.Function(self, "F", handler="index.handler", code=_lambda.Code.from_inline("def handler(event, context): pass"))',
      ),
    ].join('\n');
    expect(named(markdown)).toEqual([
      ['bin/app.ts', 'text'],
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });
});
