import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesOfSpec, findSourceFile, linesOf } from './files';

describe('the files of a review side', () => {
  it('lists inline files by name and kind, then files on disk by their path relative to the project, each once', async () => {
    const files = await filesOfSpec({
      label: 'model',
      inline: [
        { name: 'template.yaml', text: 'Resources: {}\n' },
        { name: 'lib/app.ts', text: 'const a = 1;\n' },
      ],
      markdown: path.join(process.cwd(), 'infra/model/MODEL_RESPONSE.md'),
      sources: [path.join(process.cwd(), 'infra/model/MODEL_RESPONSE.md')],
    });
    expect(files.map((f) => [f.path, f.kind])).toEqual([
      ['template.yaml', 'template'],
      ['lib/app.ts', 'source'],
      ['infra/model/MODEL_RESPONSE.md', 'markdown'],
    ]);
  });

  it('finds a file by its exact path, a ./ path, an absolute path or a unique suffix, and refuses others', () => {
    const files = [
      { path: 'infra/lib/stack.ts', kind: 'source' as const, text: '' },
      { path: 'infra/model/MODEL_RESPONSE.md', kind: 'markdown' as const, text: '' },
    ];
    expect(findSourceFile(files, 'infra/lib/stack.ts').path).toBe('infra/lib/stack.ts');
    expect(findSourceFile(files, './infra/lib/stack.ts').path).toBe('infra/lib/stack.ts');
    expect(findSourceFile(files, path.join(process.cwd(), 'infra/lib/stack.ts')).path).toBe('infra/lib/stack.ts');
    expect(findSourceFile(files, 'lib/stack.ts').path).toBe('infra/lib/stack.ts');
    expect(() => findSourceFile(files, 'stack.ts.bak')).toThrow(expect.objectContaining({ code: 'not_found:file' }));
  });

  it('numbers lines as the source view does: a final newline adds no line, CRLF counts once', () => {
    expect(linesOf('a\nb\n')).toEqual(['a', 'b']);
    expect(linesOf('a\r\nb')).toEqual(['a', 'b']);
    expect(linesOf('')).toEqual(['']);
  });
});
