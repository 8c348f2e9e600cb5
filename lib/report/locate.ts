import path from 'node:path';
import type { Finding } from '../rules/finding';
import { parseTemplate } from '../templates/load';
import { classifyMarkdown } from '../templates/markdown';
import type { LoadedTemplate } from '../templates/types';

/** A template inside a file: its resources' lines, offset by the line on which the template starts in that file. */
export interface TemplateFile {
  /** The file, as a relative path with `/` separators where possible. */
  file: string;
  /** 1-based line of the file on which the template's text starts (1 for a template file). */
  startLine: number;
  resourceLines: Readonly<Record<string, number>>;
}

/** Where a finding points: a file and, when known, a 1-based line (and column). */
export interface FindingPlace {
  file: string;
  line?: number;
  column?: number;
}

/** A file name as exports write it: relative to the working directory when inside it, `/`-separated. */
export function exportPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  const shown = path.isAbsolute(file) && !relative.startsWith('..') ? relative : file;
  return shown.split(path.sep).join('/');
}

/** The file and first line of a loaded template: `file:line` paths (markdown blocks) start at that line. */
export function templateFileOf(loaded: LoadedTemplate): TemplateFile {
  const block = /^(.*):(\d+)$/.exec(loaded.path);
  return {
    file: exportPath(block ? block[1] : loaded.path),
    startLine: block ? Number(block[2]) : 1,
    resourceLines: loaded.resourceLines,
  };
}

/** The templates of a file's text: the template itself, or every template block of a markdown answer. */
export function templateFilesOfText(file: string, text: string): TemplateFile[] {
  if (!file.toLowerCase().endsWith('.md')) return [templateFileOf(parseTemplate(text, file))];
  return classifyMarkdown(text, file).templates.map((t) => templateFileOf(t.loaded));
}

/**
 * Where a finding points: its own location (source findings, validator diagnostics), else the source line that created
 * its construct (a synthesized CDK template's finding), else the line of its first resource found in one of the
 * templates, else just the fallback file.
 */
export function placeOf(finding: Finding, templates: readonly TemplateFile[], fallbackFile: string): FindingPlace {
  if (finding.location) {
    const { file, line, column } = finding.location;
    // Diagnostics on a markdown block name it `answer.md:<first line>` and count lines from there.
    const block = /^(.*\.md):(\d+)$/i.exec(file);
    const place = block ? { file: block[1], line: Number(block[2]) + line - 1 } : { file, line };
    return { file: exportPath(place.file), line: place.line, ...(column ? { column } : {}) };
  }
  if (finding.constructLocation) return { file: exportPath(finding.constructLocation.file), line: finding.constructLocation.line };
  for (const resource of finding.resources) {
    for (const t of templates) {
      const line = t.resourceLines[resource];
      if (line) return { file: t.file, line: t.startLine + line - 1 };
    }
  }
  return { file: templates[0]?.file ?? exportPath(fallbackFile) };
}
