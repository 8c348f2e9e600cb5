import { describe, expect, it } from 'vitest';
import { scanFences } from './fences';

const scan = (...lines: string[]) => scanFences(lines);

describe('scanFences', () => {
  it('finds backtick and tilde fences of any length, closed only by the same character at least as long', () => {
    const fences = scan('````python', 'doc = """', '```yaml', 'a: 1', '```', '"""', '````', '~~~~', '~~~', '```', '~~~~');
    expect(fences.map((f) => [f.infoString, f.fenceLine, f.startLine, f.endLine, f.closed])).toEqual([
      ['python', 1, 2, 7, true],
      ['', 8, 9, 11, true],
    ]);
    expect(fences[0].lines).toEqual(['doc = """', '```yaml', 'a: 1', '```', '"""']);
    expect(fences[1].lines).toEqual(['~~~', '```']);
  });

  it('does not close a block with a fence that carries an info string', () => {
    expect(scan('```', 'x', '```yaml', 'y', '```').map((f) => f.lines)).toEqual([['x', '```yaml', 'y']]);
  });

  it('runs an unterminated last block to the end of the document and says it is not closed', () => {
    const [f] = scan('text', '```json', '{ "Resources": {', '  "A": {');
    expect(f).toMatchObject({ fenceLine: 2, startLine: 3, endLine: 4, closed: false, lines: ['{ "Resources": {', '  "A": {'] });
  });

  it('accepts fences indented up to 3 spaces and strips that indentation from the content', () => {
    const fences = scan('   ```yaml', '   Resources:', '     A: 1', '  B: 2', '   ```', '', '    ```', '    not a fence');
    expect(fences).toHaveLength(1);
    expect(fences[0].lines).toEqual(['Resources:', '  A: 1', 'B: 2']);
  });

  it('finds fences inside list items, under the item or on the marker line', () => {
    const fences = scan(
      '1. Create it:',
      '',
      '    ```yaml',
      '    Resources:',
      '      A: 1',
      '    ```',
      '- ```ts',
      '  const a = 1;',
      '  ```',
    );
    expect(fences.map((f) => [f.infoString, f.lines])).toEqual([
      ['yaml', ['Resources:', '  A: 1']],
      ['ts', ['const a = 1;']],
    ]);
  });

  it('finds fences inside blockquotes; the quote ending ends the block', () => {
    const fences = scan('> Example:', '> ```yaml', '> a: 1', '>   b: 2', '> ```', '', '> ```', '> x', 'after');
    expect(fences.map((f) => [f.lines, f.closed])).toEqual([
      [['a: 1', '  b: 2'], true],
      [['x'], false],
    ]);
  });

  it('unwraps a markdown block that holds fences, returning the inner blocks with their document lines', () => {
    const fences = scan('````markdown', 'Intro', '```yaml', 'a: 1', '```', '````', '```md', '# just markdown', '```');
    expect(fences.map((f) => [f.infoString, f.startLine, f.lines])).toEqual([
      ['yaml', 4, ['a: 1']],
      ['md', 8, ['# just markdown']],
    ]);
  });
});

describe('scanFences, lenient (as answers mean their fences)', () => {
  const lenient = (...lines: string[]) => scanFences(lines, 0, true);

  it('skips a stray info-less fence at the top of an answer, so the app.py block after the prose is kept', () => {
    const fences = lenient(
      '```',
      'Here is the app:',
      '',
      '```python',
      'app = cdk.App()',
      'app.synth()',
      '```',
      '```python',
      'x = 1',
      '```',
    );
    expect(fences.map((f) => [f.infoString, f.fenceLine, f.lines, f.closed])).toEqual([
      ['python', 4, ['app = cdk.App()', 'app.synth()'], true],
      ['python', 8, ['x = 1'], true],
    ]);
  });

  it('reads the block inside a stray four-backtick fence as closed by it', () => {
    const fences = lenient('````', '', '## Compute Stack', '', '```typescript', 'export class ComputeStack {}', '````', 'after');
    expect(fences).toEqual([
      expect.objectContaining({
        infoString: 'typescript',
        fenceLine: 5,
        endLine: 7,
        closed: true,
        lines: ['export class ComputeStack {}'],
      }),
    ]);
  });

  it('ends a block that meets the next opening fence without its own closing one', () => {
    const fences = lenient('```python', 'a = 1', '```python', 'b = 2', '```');
    expect(fences.map((f) => [f.fenceLine, f.endLine, f.closed, f.lines])).toEqual([
      [1, 2, false, ['a = 1']],
      [3, 5, true, ['b = 2']],
    ]);
  });

  it('keeps fences nested in a markdown block inside it, and the block after it whole', () => {
    const fences = lenient('```markdown', '# README', '```bash', 'npm ci', '```', 'More text', '```', '```ts', 'const a = 1;', '```');
    expect(fences.map((f) => [f.infoString, f.lines])).toEqual([
      ['bash', ['npm ci']],
      ['ts', ['const a = 1;']],
    ]);
  });

  it('still reads an unterminated last block to the end, and nested shorter fences as content', () => {
    expect(lenient('````python', 'doc = """', '```yaml', 'a: 1', '```', '"""', '````')[0].lines).toHaveLength(5);
    expect(lenient('```ts', 'const a = {', '  b: 1,')).toEqual([
      expect.objectContaining({ closed: false, lines: ['const a = {', '  b: 1,'] }),
    ]);
  });
});
