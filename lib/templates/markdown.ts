import { isTemplateShape, parseTemplate } from './load';
import type { LoadedTemplate, SourceFile } from './types';

/** A fenced code block of a markdown document. */
export interface CodeBlock {
  /** Info string's first word, lower-cased (`python`, `ts`, `yaml`, ...); '' when absent. */
  info: string;
  text: string;
  /** 1-based line of the markdown on which the block's content starts. */
  startLine: number;
  /** File name the answer gives for this block (heading or line just before it, or a first-line comment). */
  name?: string;
}

/** What a markdown answer contains: templates and source files, each traceable to its lines. */
export interface MarkdownArtifacts {
  templates: { block: CodeBlock; loaded: LoadedTemplate }[];
  sources: SourceFile[];
}

const LANGUAGES: Record<string, SourceFile['language']> = {
  python: 'python', py: 'python', typescript: 'typescript', ts: 'typescript', tsx: 'typescript',
  javascript: 'javascript', js: 'javascript', java: 'java', csharp: 'csharp', cs: 'csharp', 'c#': 'csharp', go: 'go',
};

const FILE_NAME = /([\w./-]+\.(?:py|ts|tsx|js|mjs|java|cs|go|json|ya?ml|txt|toml|cfg))\b/;

/** Finds every fenced block (``` or ~~~); an unterminated block runs to the end of the document. */
export function extractCodeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s{0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    let end = i + 1;
    while (end < lines.length && !lines[end].trimStart().startsWith(fence)) end++;
    const text = lines.slice(i + 1, end).join('\n');
    blocks.push({ info: open[2].toLowerCase(), text, startLine: i + 2, name: nameFor(lines, i, text) });
    i = end;
  }
  return blocks;
}

/** The file name stated on the nearest non-empty line above the fence, or in the block's first-line comment. */
function nameFor(lines: string[], fenceLine: number, text: string): string | undefined {
  for (let j = fenceLine - 1; j >= 0 && j >= fenceLine - 3; j--) {
    if (!lines[j].trim()) continue;
    const match = FILE_NAME.exec(lines[j]);
    if (match) return match[1];
    break;
  }
  const first = /^\s*(?:#|\/\/)\s*([\w./-]+\.\w+)\s*$/.exec(text.split('\n')[0] ?? '');
  return first?.[1];
}

/** Tries a block as a CloudFormation template; undefined when it is not one. */
function asTemplate(block: CodeBlock, file: string): LoadedTemplate | undefined {
  if (!['json', 'yaml', 'yml', ''].includes(block.info) || !/\bResources\b/.test(block.text)) return undefined;
  try {
    const loaded = parseTemplate(block.text, `${file}:${block.startLine}`);
    return isTemplateShape(loaded.template) ? loaded : undefined;
  } catch {
    return undefined;
  }
}

/** Splits a markdown answer into templates (JSON/YAML with Resources) and source code blocks. */
export function classifyMarkdown(markdown: string, file: string): MarkdownArtifacts {
  const result: MarkdownArtifacts = { templates: [], sources: [] };
  for (const block of extractCodeBlocks(markdown)) {
    const loaded = asTemplate(block, file);
    if (loaded) {
      result.templates.push({ block, loaded });
      continue;
    }
    const language = LANGUAGES[block.info] ?? languageFromName(block.name);
    result.sources.push({ path: file, name: block.name, language, text: block.text, startLine: block.startLine });
  }
  return result;
}

function languageFromName(name: string | undefined): SourceFile['language'] {
  const ext = name?.split('.').pop() ?? '';
  return LANGUAGES[ext] ?? 'unknown';
}
