import { scanFences } from './fences';
import { firstLineName, nameAbove, parseInfoString, type NameSource } from './file-names';
import { markFragments } from './fragments';
import { inferNames } from './infer-names';
import { isLimitError } from '../limits/bounds';
import { parseTemplate } from './load';
import { sectionKinds } from './sections';
import { chooseMain, separateDrafts, type Draft, type MainChoice } from './select';
import { looksLikeTemplate, templateFormatOf, templateSyntaxError, type TemplateSyntaxError } from './template-syntax';
import type { CodeBlock, LoadedTemplate, SourceFile } from './types';

/** A block meant as a template that does not parse, with the parser's reason (line relative to the block's text). */
export interface InvalidTemplate {
  block: CodeBlock;
  error: TemplateSyntaxError;
}

/** What a markdown answer contains: templates and source files, each traceable to its lines. */
export interface MarkdownArtifacts {
  /** The answer's templates (drafts excluded), in document order. */
  templates: { block: CodeBlock; loaded: LoadedTemplate }[];
  /** The blocks taken as the answer (templates and code), names stated or inferred from content. */
  answer: CodeBlock[];
  /** The answer's code blocks, plus each invalid template block (marked with `templateFormat`) for the syntax rule. */
  sources: SourceFile[];
  /** The main template among `templates`, when there is any. */
  main?: MainChoice;
  /** Blocks set aside as drafts (not analyzed). */
  drafts: Draft[];
  /** Answer blocks meant as templates that do not parse. */
  invalidTemplates: InvalidTemplate[];
  /** What was decided, in words: main template, drafts, truncated and invalid blocks. */
  notes: string[];
}

const LANGUAGES: Record<string, SourceFile['language']> = {
  python: 'python',
  py: 'python',
  typescript: 'typescript',
  ts: 'typescript',
  tsx: 'typescript',
  javascript: 'javascript',
  js: 'javascript',
  java: 'java',
  csharp: 'csharp',
  cs: 'csharp',
  'c#': 'csharp',
  go: 'go',
};

/** Finds every fenced block (``` or ~~~, in lists and quotes, wrappers unwrapped); an unterminated block runs to the end of the document. */
export function extractCodeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r\n|\r|\n/);
  const fences = scanFences(lines, 0, true);
  const kinds = sectionKinds(lines, fences);
  let previousEnd = 0;
  return fences.map((fence) => {
    const info = parseInfoString(fence.infoString);
    const comment = firstLineName(fence.lines);
    const above = nameAbove(lines, fence.fenceLine, previousEnd);
    previousEnd = fence.endLine;
    const named = info.name ? { name: info.name, from: 'info' as const } : pickName(comment, above);
    const skipped = comment ? namingCommentLines(fence.lines, comment) : 0;
    return {
      info: info.lang,
      text: fence.lines.slice(skipped).join('\n'),
      startLine: fence.startLine + skipped,
      ...(named ? { name: named.name, nameFrom: named.from } : {}),
      fenceLine: fence.fenceLine,
      endLine: fence.endLine,
      closed: fence.closed,
      attributes: info.attributes,
      section: kinds[fence.fenceLine - 1] ?? 'answer',
    };
  });
}

/**
 * Leading lines to drop when the block's naming comment would break the file: a comment in JSON (`// cdk.json` above
 * `{`), or one that pushed a shebang off line 1 (`// bin/tap.ts` above `#!/usr/bin/env node`). It only names the block.
 */
function namingCommentLines(lines: readonly string[], name: string): number {
  const comment = lines.findIndex((line) => line.trim());
  const next = lines.findIndex((line, i) => i > comment && line.trim());
  if (comment < 0 || next < 0) return 0;
  if (lines[next].startsWith('#!') || (/\.json$/i.test(name) && /^\s*[{[]/.test(lines[next]))) return next;
  return 0;
}

/** A first-line comment wins over the text above, unless the text gives the same file with a longer path. */
function pickName(
  comment: string | undefined,
  above: { name: string; from: NameSource } | undefined,
): { name: string; from: NameSource } | undefined {
  if (comment && above && above.name.endsWith(`/${comment}`)) return above;
  return comment ? { name: comment, from: 'comment' } : above;
}

/** Splits a markdown answer into templates (JSON/YAML with Resources) and source code blocks, drafts set aside; `mainName` names the task's template (default TapStack). */
export function classifyMarkdown(markdown: string, file: string, options: { mainName?: string } = {}): MarkdownArtifacts {
  const { answer, drafts } = separateDrafts(markFragments(inferNames(extractCodeBlocks(markdown))));
  const result: MarkdownArtifacts = { answer, templates: [], sources: [], drafts, invalidTemplates: [], notes: [] };
  for (const block of answer) {
    const source = { path: file, ...(block.name ? { name: block.name } : {}), text: block.text, startLine: block.startLine };
    if (looksLikeTemplate(block.info, block.text)) {
      const error = templateSyntaxError(block.text);
      if (error) {
        result.invalidTemplates.push({ block, error });
        result.sources.push({ ...source, language: 'unknown', templateFormat: templateFormatOf(block.text) });
        continue;
      }
      const loaded = loadTemplate(block, file);
      if (loaded) {
        result.templates.push({ block, loaded });
        continue;
      }
    }
    result.sources.push({ ...source, language: LANGUAGES[block.info] ?? languageFromName(block.name) });
  }
  result.main = chooseMain(result.templates, options.mainName);
  result.notes = describe(result, file);
  return result;
}

/** The block as a template; undefined when it parses but is not one (no Resources map); a block over the input limits refuses the whole answer. */
function loadTemplate(block: CodeBlock, file: string): LoadedTemplate | undefined {
  try {
    return parseTemplate(block.text, `${file}:${block.startLine}`);
  } catch (error) {
    if (isLimitError(error)) throw error;
    return undefined;
  }
}

function languageFromName(name: string | undefined): SourceFile['language'] {
  const ext = name?.split('.').pop() ?? '';
  return LANGUAGES[ext] ?? 'unknown';
}

/** Sentences saying what was chosen and what was set aside. */
function describe(parts: MarkdownArtifacts, file: string): string[] {
  const at = (b: CodeBlock) => `${b.name ?? 'the block'} at ${file}:${b.startLine}`;
  const notes: string[] = [];
  if (parts.main) {
    const main = parts.templates[parts.main.index].block;
    const why = { only: 'the only template', named: "named like the task's template", largest: 'the largest final template' }[
      parts.main.reason
    ];
    notes.push(
      `Main template: ${at(main)} (${why}${parts.templates.length > 1 ? `; ${parts.templates.length - 1} other template(s) analyzed too` : ''}).`,
    );
  }
  for (const d of parts.drafts) {
    const why = {
      'reasoning-section': 'Draft, not analyzed: %s is in a reasoning section',
      superseded: 'Draft, not analyzed: %s is superseded by a later block of the same file',
      fragment: `Fragment, not analyzed: %s ${d.block.fragment ?? 'is part of a file'}, and the answer gives the file whole`,
      duplicate: 'Duplicate, not analyzed: %s repeats a block taken',
    }[d.reason].replace('%s', at(d.block));
    notes.push(`${why}${d.supersededBy ? ` (the answer's is at line ${d.supersededBy})` : ''}.`);
  }
  for (const { block, error } of parts.invalidTemplates) {
    notes.push(`Template block does not parse: ${at(block)}, line ${block.startLine + error.line - 1}: ${error.reason}.`);
  }
  for (const t of parts.templates) if (!t.block.closed) notes.push(`Template block not closed (truncated answer?): ${at(t.block)}.`);
  return notes;
}
