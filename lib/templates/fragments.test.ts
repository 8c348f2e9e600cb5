import { describe, expect, it } from 'vitest';
import { fragmentReason, markFragments, readCode } from './fragments';
import type { CodeBlock } from './types';

const stack = [
  "import * as cdk from 'aws-cdk-lib';",
  "import * as s3 from 'aws-cdk-lib/aws-s3';",
  '',
  'export class TapStack extends cdk.Stack {',
  '  constructor(scope: cdk.App, id: string) {',
  '    super(scope, id);',
  "    new s3.Bucket(this, 'Logs', { bucketName: `logs-${this.account}` });",
  "    const note = '} not a brace'; // nor this {",
  '  }',
  '}',
].join('\n');

describe('fragmentReason', () => {
  it('reads a whole TypeScript file, with braces in strings, comments and template literals, as whole', () => {
    expect(fragmentReason(stack, 'ts', true)).toBeUndefined();
    expect(fragmentReason('exports.handler = async (event) => ({ statusCode: 200 });', 'js', true)).toBeUndefined();
    expect(
      fragmentReason('import json\n\ndef handler(event, context):\n    return {"body": json.dumps(event)}\n', 'py', true),
    ).toBeUndefined();
  });

  it('names elision comments', () => {
    expect(fragmentReason(stack.replace('    super(scope, id);', '    // ... rest of the stack unchanged'), 'ts', true)).toMatch(
      /elides code/,
    );
    expect(fragmentReason('import aws_cdk as cdk\n# ...existing code\napp = cdk.App()', 'py', true)).toMatch(/elides code/);
  });

  it('tells unbalanced brackets, and a block cut off by the end of the answer', () => {
    const open = stack.split('\n').slice(0, 7).join('\n');
    expect(fragmentReason(open, 'ts', true)).toBe('its brackets do not balance');
    expect(fragmentReason(open, 'ts', false)).toBe('cut off: the answer ends inside it');
  });

  it('tells code that starts inside a class or uses names it never imports', () => {
    expect(fragmentReason("    bucket = s3.Bucket(self, 'B')", 'py', true)).toMatch(/indented/);
    expect(fragmentReason('def _create_keys(self):\n    return None', 'py', true)).toBe('a method outside its class');
    expect(fragmentReason('private createBucket() {\n  return 1;\n}', 'ts', true)).toBe('starts inside a class');
    expect(fragmentReason("const policy = new iam.PolicyStatement({ actions: ['s3:GetObject'] });", 'ts', true)).toBe(
      'uses names it never imports',
    );
  });

  it('tells a block without imports when an earlier block of the same file has them', () => {
    expect(fragmentReason('const x = 1;', 'ts', true, stack)).toBe('has no imports, unlike the earlier block of this file');
    expect(fragmentReason('const x = 1;', 'ts', true)).toBeUndefined();
  });

  it('does not judge other languages', () => {
    expect(fragmentReason('{ "app": ', 'json', true)).toBeUndefined();
  });
});

describe('readCode', () => {
  it('blanks strings and comments but keeps template-literal expressions as code', () => {
    const { code, balanced } = readCode("const a = `x ${require('./b')} y`; // import z", 'ts');
    expect(balanced).toBe(true);
    expect(code).toContain('require(');
    expect(code).not.toContain('import');
    expect(code).not.toContain('./b');
  });
});

describe('markFragments', () => {
  const block = (name: string | undefined, text: string): CodeBlock => ({
    info: 'ts',
    text,
    startLine: 1,
    fenceLine: 1,
    endLine: 2,
    closed: true,
    attributes: {},
    section: 'answer',
    ...(name ? { name } : {}),
  });

  it('judges a named block against the last whole block of its name before it', () => {
    const marked = markFragments([block('lib/a.ts', stack), block('lib/a.ts', 'const x = 1;'), block(undefined, 'const x = 1;')]);
    expect(marked.map((b) => b.fragment)).toEqual([undefined, 'has no imports, unlike the earlier block of this file', undefined]);
  });
});
