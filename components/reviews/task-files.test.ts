import { describe, expect, it } from 'vitest';
import { isTaskFile, taskPathOf, unreadableReason } from './task-files';

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

describe('isTaskFile', () => {
  it('keeps the files a task is read from and skips images, dependencies and build output', () => {
    expect(['PROMPT.md', 'metadata.json', 'lib/TapStack.yml', 'lib/tap-stack.ts', 'bin/app.py'].every(isTaskFile)).toBe(true);
    expect(['diagram.png', 'node_modules/x/index.js', 'cdk.out/a.json', '.git/config.json', 'archive.zip'].some(isTaskFile)).toBe(false);
  });
});

describe('unreadableReason', () => {
  it('names a binary file and, when the file is required, an empty one, in plain words', () => {
    expect(unreadableReason({ path: 'MODEL_RESPONSE.md', text: 'PK\u0003\u0004\u0000\u0000' })).toBe(
      'MODEL_RESPONSE.md is a binary file, not text: give markdown, a template (.json, .yaml) or code.',
    );
    expect(unreadableReason({ path: 'model.yaml', text: '  \n' }, true)).toBe('model.yaml is empty.');
    expect(unreadableReason({ path: 'lib/__init__.py', text: '' })).toBeNull();
  });
});
