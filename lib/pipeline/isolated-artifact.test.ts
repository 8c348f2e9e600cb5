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
});
