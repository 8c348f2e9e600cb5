import { describe, expect, it } from 'vitest';
import { answerFilesOf } from './isolated-artifact';

describe('answerFilesOf', () => {
  it('takes source files by name and the named code blocks of markdown, the first block per name winning', () => {
    const files = answerFilesOf([
      { name: 'lib/tap-stack.ts', text: 'export class A {}', role: 'source' },
      {
        name: 'MODEL_RESPONSE.md',
        text: '`bin/app.ts`:\n\n```ts\nnew App();\n```\n\n`lib/tap-stack.ts`:\n\n```ts\nexport class B {}\n```\n\n```ts\nunnamed();\n```\n',
        role: 'markdown',
      },
      { name: 'lib/TapStack.yml', text: 'Resources: {}', role: 'template' },
    ]);
    expect(files).toEqual([
      { path: 'lib/tap-stack.ts', text: 'export class A {}' },
      { path: 'bin/app.ts', text: 'new App();' },
    ]);
  });

  it('takes code blocks the answer leaves unnamed under the names their content gives, and no fragment over a whole file', () => {
    const markdown = [
      '```ts',
      "import { App } from 'aws-cdk-lib';",
      "import { TapStack } from '../lib/tap-stack';",
      "new TapStack(new App(), 'Tap');",
      '```',
      '```ts',
      "import { Stack } from 'aws-cdk-lib';",
      'export class TapStack extends Stack {}',
      '```',
      'Only the changed part:',
      '```ts',
      '// lib/tap-stack.ts',
      '  // ... rest of the stack unchanged',
      '```',
    ].join('\n');
    expect(answerFilesOf([{ name: 'MODEL_RESPONSE.md', text: markdown, role: 'markdown' }])).toEqual([
      {
        path: 'bin/tap.ts',
        text: "import { App } from 'aws-cdk-lib';\nimport { TapStack } from '../lib/tap-stack';\nnew TapStack(new App(), 'Tap');",
      },
      { path: 'lib/tap-stack.ts', text: "import { Stack } from 'aws-cdk-lib';\nexport class TapStack extends Stack {}" },
    ]);
  });
});
