import { describe, expect, it } from 'vitest';
import { taskPathOf } from './task-files';

describe('taskPathOf', () => {
  it('drops the top folder of a folder upload', () => {
    expect(taskPathOf({ name: 'tap-stack.ts', webkitRelativePath: 'task-7/lib/tap-stack.ts' })).toBe('lib/tap-stack.ts');
    expect(taskPathOf({ name: 'PROMPT.md', webkitRelativePath: 'task-7/PROMPT.md' })).toBe('PROMPT.md');
  });

  it('puts a loose ideal template or stack file under lib/, and keeps other loose files at the top', () => {
    expect(taskPathOf({ name: 'TapStack.yml', webkitRelativePath: '' })).toBe('lib/TapStack.yml');
    expect(taskPathOf({ name: 'TapStack.json' })).toBe('lib/TapStack.json');
    expect(taskPathOf({ name: 'tap-stack.ts' })).toBe('lib/tap-stack.ts');
    expect(taskPathOf({ name: 'MODEL_RESPONSE.md' })).toBe('MODEL_RESPONSE.md');
    expect(taskPathOf({ name: 'metadata.json' })).toBe('metadata.json');
  });
});
