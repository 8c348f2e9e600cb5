import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import { isLimitError } from '../limits/bounds';
import type { ArtifactState, InlineFile, LoadedArtifact } from './types';
import { parseTemplate } from '../templates/load';
import { classifyMarkdown } from '../templates/markdown';
import type { LoadedTemplate, SourceFile } from '../templates/types';

const LANGUAGE_BY_EXT: Record<string, SourceFile['language']> = {
  py: 'python',
  ts: 'typescript',
  js: 'javascript',
  java: 'java',
  cs: 'csharp',
  go: 'go',
};

const parsed = new Map<string, unknown>();
const MAX_PARSED = 2000;

/** How a file is read when its role is not given: by extension. */
export function roleOf(file: InlineFile): NonNullable<InlineFile['role']> {
  if (file.role) return file.role;
  if (/\.(json|ya?ml|template)$/i.test(file.name)) return 'template';
  if (/\.md$/i.test(file.name)) return 'markdown';
  return 'source';
}

/** `parse(text)` once per distinct (kind, name, text); the parsed values are frozen or never mutated, so sharing is safe. */
function cached<T>(kind: string, file: InlineFile, parse: () => T): T {
  const key = createHash('sha256').update(`${kind}\0${file.name}\0${file.text}`).digest('hex');
  if (parsed.has(key)) return parsed.get(key) as T;
  const value = parse();
  if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
  parsed.set(key, value);
  return value;
}

/**
 * Loads a side from text files: the first template file is its template, else the main template of its markdown; markdown code blocks and other files are sources. A template file that does not
 * parse makes the side `failed` (stage `parse`) with the parser's reason; only input over the limits (lib/limits) throws.
 */
export function loadInlineArtifact(label: string, files: readonly InlineFile[], note?: string): LoadedArtifact {
  const origin = files.map((f) => f.name).join(', ') || '(no files)';
  const sources: SourceFile[] = [];
  let template: LoadedTemplate | undefined;
  let markdownTemplate: LoadedTemplate | undefined;
  let kind: 'template-file' | 'markdown' = 'template-file';
  for (const file of files) {
    const role = roleOf(file);
    if (role === 'template') {
      if (template) continue;
      try {
        template = cached('template', file, () => parseTemplate(file.text, file.name));
      } catch (error) {
        if (isLimitError(error)) throw error;
        const message = error instanceof AppError ? error.message : `${file.name}: cannot parse template`;
        return { state: { status: 'failed', label, origin, stage: 'parse', message }, sources };
      }
    } else if (role === 'markdown') {
      const parts = cached('markdown', file, () => classifyMarkdown(file.text, file.name));
      sources.push(...parts.sources);
      // The answer's main template, as the markdown extraction chooses it (drafts in a reasoning section set aside).
      if (parts.main) markdownTemplate = parts.templates[parts.main.index].loaded;
      if (!template) kind = 'markdown';
    } else {
      const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
      sources.push({ path: file.name, language: LANGUAGE_BY_EXT[ext] ?? 'unknown', text: file.text, startLine: 1 });
    }
  }
  if (template) kind = 'template-file';
  template ??= markdownTemplate;
  const state: ArtifactState = {
    status: 'ok',
    label,
    origin,
    kind,
    hash: template?.hash ?? '',
    resourceCount: template ? Object.keys(template.template.Resources).length : 0,
    sources: sources.map((s) => ({
      path: s.name ? `${s.path} (${s.name})` : s.path,
      language: s.language,
      lines: s.text.split('\n').length,
    })),
    ...(note ? { note } : {}),
  };
  return { state, template, sources };
}
