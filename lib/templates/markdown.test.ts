import { describe, expect, it } from 'vitest';
import { classifyMarkdown, extractCodeBlocks } from './markdown';

const answer = [
  '# Solution',
  '',
  'Here is `app.py`:',
  '',
  '```python',
  'from aws_cdk import core',
  'app = core.App()',
  '```',
  '',
  '### lib/template.yaml',
  '```yaml',
  'Resources:',
  '  Topic:',
  '    Type: AWS::SNS::Topic',
  '```',
  '',
  '~~~ts',
  '// bin/app.ts',
  "import * as cdk from 'aws-cdk-lib';",
  '~~~',
  '```json',
  '{ "not": "a template" }',
  '```',
  '```python',
  'def truncated():',
].join('\n');

describe('extractCodeBlocks', () => {
  it('finds backtick and tilde fences with their start lines, including a truncated last block', () => {
    const blocks = extractCodeBlocks(answer);
    expect(blocks.map((b) => [b.info, b.startLine])).toEqual([
      ['python', 6],
      ['yaml', 12],
      ['ts', 18],
      ['json', 22],
      ['python', 25],
    ]);
    expect(blocks[4].text).toBe('def truncated():');
  });

  it('keeps the file names given in the text or in a first-line comment', () => {
    expect(extractCodeBlocks(answer).map((b) => b.name)).toEqual(['app.py', 'lib/template.yaml', 'bin/app.ts', undefined, undefined]);
  });

  it('drops a naming comment that pushed the shebang off the first line, keeping line numbers true', () => {
    const md = ['Entry:', '', '```typescript', '// bin/tap.ts', '#!/usr/bin/env node', "import 'source-map-support/register';", '```'].join(
      '\n',
    );
    const [block] = extractCodeBlocks(md);
    expect(block).toMatchObject({ name: 'bin/tap.ts', startLine: 5 });
    expect(block.text.split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('drops a naming comment above a JSON document, which would not parse with it', () => {
    const [block] = extractCodeBlocks(['```json', '// cdk.json', '{ "app": "npx ts-node bin/tap.ts" }', '```'].join('\n'));
    expect(block).toMatchObject({ name: 'cdk.json', text: '{ "app": "npx ts-node bin/tap.ts" }', startLine: 3 });
  });

  it('keeps a first-line comment that is followed by code rather than a shebang', () => {
    const [block] = extractCodeBlocks(['```ts', '// bin/tap.ts', "import * as cdk from 'aws-cdk-lib';", '```'].join('\n'));
    expect(block.text.split('\n')[0]).toBe('// bin/tap.ts');
  });
});

describe('classifyMarkdown', () => {
  it('tells templates from code and keeps line offsets of the markdown file', () => {
    const parts = classifyMarkdown(answer, 'MODEL_RESPONSE.md');
    expect(parts.templates).toHaveLength(1);
    expect(Object.keys(parts.templates[0].loaded.template.Resources)).toEqual(['Topic']);
    expect(parts.sources.map((s) => [s.language, s.startLine, s.name])).toEqual([
      ['python', 6, 'app.py'],
      ['typescript', 18, 'bin/app.ts'],
      ['unknown', 22, undefined],
      ['python', 25, undefined],
    ]);
    expect(parts.sources[0].path).toBe('MODEL_RESPONSE.md');
  });
});
