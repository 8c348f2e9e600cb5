import { describe, expect, it } from 'vitest';
import { firstLineName, nameAbove, nameInLine, normalizeFileName, parseInfoString } from './file-names';

describe('parseInfoString', () => {
  it('reads the language and a file name from attributes, lang:path or a second word', () => {
    expect(parseInfoString('yaml title="lib/TapStack.yml"')).toEqual({
      lang: 'yaml',
      attributes: { title: 'lib/TapStack.yml' },
      name: 'lib/TapStack.yml',
    });
    expect(parseInfoString("{.json filename='./lib/a.json' linenos=true}")).toMatchObject({
      lang: 'json',
      name: 'lib/a.json',
      attributes: { linenos: 'true' },
    });
    expect(parseInfoString('TypeScript:lib/tap-stack.ts')).toMatchObject({ lang: 'typescript', name: 'lib/tap-stack.ts' });
    expect(parseInfoString('python app.py')).toMatchObject({ lang: 'python', name: 'app.py' });
    expect(parseInfoString('')).toEqual({ lang: '', attributes: {} });
    expect(parseInfoString('yaml title="Network stack"')).toEqual({ lang: 'yaml', attributes: { title: 'Network stack' } });
  });
});

describe('normalizeFileName', () => {
  it('returns clean relative paths and refuses words that are not file names', () => {
    expect(normalizeFileName('./lib//TapStack.yml')).toBe('lib/TapStack.yml');
    expect(normalizeFileName('lib\\stacks\\network.ts')).toBe('lib/stacks/network.ts');
    expect(normalizeFileName('../../etc/app.py')).toBe('etc/app.py');
    expect(normalizeFileName('/home/me/project/bin/app.ts')).toBe('home/me/project/bin/app.ts');
    expect(normalizeFileName('C:\\work\\cdk.json')).toBe('work/cdk.json');
    expect(normalizeFileName('aws_cdk.core')).toBeUndefined();
    expect(normalizeFileName('Resources')).toBeUndefined();
  });
});

describe('names in the text and in the block', () => {
  it('reads first-line comments in the common comment styles, not shebangs', () => {
    expect(firstLineName(['', '# lib/tap_stack.py', 'x = 1'])).toBe('lib/tap_stack.py');
    expect(firstLineName(['// File: bin/tap.ts'])).toBe('bin/tap.ts');
    expect(firstLineName(['<!-- pom.xml -->'])).toBe('pom.xml');
    expect(firstLineName(['#!/usr/bin/env python3'])).toBeUndefined();
    expect(firstLineName(['# Create the bucket'])).toBeUndefined();
  });

  it('prefers inline code and bold over other words of a line', () => {
    expect(nameInLine('Update the handler (see lambda/handler.py) in `lib/tap-stack.ts`:')).toBe('lib/tap-stack.ts');
    expect(nameInLine('**lib/TapStack.json**')).toBe('lib/TapStack.json');
    expect(nameInLine('Save this as cdk.json.')).toBe('cdk.json');
  });

  it('takes the nearest line above, else the nearest heading after the previous block', () => {
    const lines = ['```', 'x', '```', '### lib/TapStack.yml', '', 'The template:', '', '```yaml'];
    expect(nameAbove(lines, 8, 3)).toEqual({ name: 'lib/TapStack.yml', from: 'heading' });
    expect(nameAbove(lines, 8, 4)).toBeUndefined();
    expect(nameAbove(['Save as `app.py`:', '```python'], 2, 0)).toEqual({ name: 'app.py', from: 'text' });
  });
});
