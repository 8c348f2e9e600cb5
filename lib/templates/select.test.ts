import { describe, expect, it } from 'vitest';
import { describeExtraction, summarizeExtraction } from './extraction-summary';
import { classifyMarkdown } from './markdown';

const fence = (info: string, ...lines: string[]) => ['```' + info, ...lines, '```', ''].join('\n');
const whole = (marker: string) =>
  fence(
    'ts',
    "import * as cdk from 'aws-cdk-lib';",
    "import * as iam from 'aws-cdk-lib/aws-iam';",
    'export class TapStack extends cdk.Stack {',
    '  constructor(scope: cdk.App, id: string) {',
    '    super(scope, id);',
    `    new iam.Role(this, '${marker}', { assumedBy: new iam.AccountRootPrincipal() });`,
    '  }',
    '}',
  );

describe('separateDrafts with fragments', () => {
  it('never lets a later fragment of a file replace the whole file, and says so', () => {
    const markdown = [
      '`lib/tap-stack.ts`:',
      whole('Full'),
      'Policy section only, `lib/tap-stack.ts`:',
      fence(
        'ts',
        "    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'] }));",
        '    // ... rest of the stack unchanged',
      ),
    ].join('\n');
    const parts = classifyMarkdown(markdown, 'a.md');
    expect(parts.sources.map((s) => [s.name, s.text.includes("'Full'")])).toEqual([['lib/tap-stack.ts', true]]);
    expect(parts.drafts.map((d) => [d.reason, d.supersededBy])).toEqual([['fragment', 3]]);
    expect(parts.notes[0]).toMatch(/^Fragment, not analyzed: lib\/tap-stack.ts at a.md:\d+ elides code/);
  });

  it('lets a later whole revision of the same file win, named or not, and sets aside a repeat as a duplicate', () => {
    const markdown = [
      '`lib/tap-stack.ts`:',
      whole('First'),
      'Updated version:',
      whole('Second'),
      'Again, for reference:',
      whole('Second'),
    ].join('\n');
    const parts = classifyMarkdown(markdown, 'a.md');
    expect(parts.sources.map((s) => [s.name, s.text.includes("'Second'")])).toEqual([['lib/tap-stack.ts', true]]);
    expect(parts.drafts.map((d) => d.reason)).toEqual(['superseded', 'duplicate']);
  });

  it('takes the only version of a file even when it is cut off, and tells it in the summary', () => {
    const cut = [
      '## Answer',
      '`lib/tap-stack.ts`:',
      '```ts',
      "import * as cdk from 'aws-cdk-lib';",
      'export class TapStack extends cdk.Stack {',
    ].join('\n');
    const parts = classifyMarkdown(cut, 'a.md');
    expect(parts.sources.map((s) => s.name)).toEqual(['lib/tap-stack.ts']);
    expect(summarizeExtraction(parts, 'a.md').taken).toEqual([
      { name: 'lib/tap-stack.ts', line: 4, naming: 'stated', fragment: 'cut off: the answer ends inside it' },
    ]);
  });
});

describe('summarizeExtraction', () => {
  it('lists files taken with how each got its name, and blocks set aside with why', () => {
    const markdown = [
      '## Reasoning',
      '`bin/tap.ts`:',
      fence('ts', "import { App } from 'aws-cdk-lib';", "import { TapStack } from '../lib/tap-stack';", "new TapStack(new App(), 'v1');"),
      '## Final answer',
      fence('ts', "import { App } from 'aws-cdk-lib';", "import { TapStack } from '../lib/tap-stack';", "new TapStack(new App(), 'Tap');"),
      whole('Final'),
      fence('ts', "const extra = new iam.Role(this, 'R');"),
    ].join('\n');
    const summary = summarizeExtraction(classifyMarkdown(markdown, 'MODEL_RESPONSE.md'), 'MODEL_RESPONSE.md');
    expect(summary.taken).toEqual([
      { name: 'bin/tap.ts', line: 11, naming: 'inferred', why: 'creates the App, as does the block the answer names so' },
      { name: 'lib/tap-stack.ts', line: 17, naming: 'inferred', why: 'imported as ../lib/tap-stack by bin/tap.ts' },
    ]);
    expect(summary.setAside).toEqual([
      { name: 'bin/tap.ts', line: 4, reason: 'draft' },
      { line: 28, reason: 'unnamed' },
    ]);
    expect(describeExtraction(summary)).toBe(
      'MODEL_RESPONSE.md: took bin/tap.ts (line 11, inferred: creates the App, as does the block the answer names so), ' +
        'lib/tap-stack.ts (line 17, inferred: imported as ../lib/tap-stack by bin/tap.ts); ' +
        'set aside 1 draft(s) in reasoning: bin/tap.ts line 4; 1 code block(s) with no file name stated or inferable: line 28.',
    );
  });

  it('lists at most five blocks per reason in the note', () => {
    const drafts = Array.from({ length: 7 }, (_, i) => `\`lib/v${i}.ts\`:\n` + fence('ts', `export const v = ${i};`)).join('\n');
    const markdown = ['## Reasoning', drafts, '## Final answer', '`lib/v.ts`:', fence('ts', 'export const v = 7;')].join('\n');
    const note = describeExtraction(summarizeExtraction(classifyMarkdown(markdown, 'a.md'), 'a.md'));
    expect(note).toMatch(/set aside 7 draft\(s\) in reasoning: lib\/v0.ts line \d+, .*lib\/v4.ts line \d+ and 2 more\.$/);
  });
});
