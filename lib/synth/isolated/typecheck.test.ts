import { describe, expect, it } from 'vitest';
import { synthesizeIsolated } from './index';
import { failedWith } from './test-util';

/* Type checking loads aws-cdk-lib's declarations in a real worker: 10–25 s per answer on a shared 2-core machine. */
const LIMITS = { timeoutMs: 180_000, memoryMb: 1024 };
const stack = (props: string) => [
  {
    path: 'lib/tap-stack.ts',
    text: `import { Stack, StackProps } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
export class TapStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new s3.Bucket(this, 'Assets', ${props});
  }
}
`,
  },
];

describe('synthesizeIsolated with typeCheck', { timeout: 400_000 }, () => {
  it('fails an answer with a type error at its file and line, as ts-node under cdk synth would, and synthesizes a well-typed one', async () => {
    const wrong = failedWith(
      await synthesizeIsolated({ language: 'typescript', typeCheck: true, limits: LIMITS, files: stack("{ versioned: 'yes' }") }),
      'compile',
    );
    expect(wrong.diagnostics[0]).toMatchObject({ file: 'lib/tap-stack.ts', line: 7 });
    expect(wrong.diagnostics[0].message).toMatch(/not assignable to type 'boolean/);
    // Without the type check the same answer synthesizes: the error only shows when asked for.
    expect((await synthesizeIsolated({ language: 'typescript', limits: LIMITS, files: stack("{ versioned: 'yes' }") })).status).toBe('ok');
    const right = await synthesizeIsolated({
      language: 'typescript',
      typeCheck: true,
      limits: LIMITS,
      files: stack('{ versioned: true }'),
    });
    expect(right.status).toBe('ok');
  });
});
