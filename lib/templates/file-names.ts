/* File names that a markdown answer gives its code blocks: in the info string, the text, or a first-line comment. */
import path from 'node:path';

/** Where a block's file name was read: stated by the answer (info string, first-line comment, text, heading) or inferred from its content. */
export type NameSource = 'info' | 'comment' | 'text' | 'heading' | 'content';

/** An info string taken apart: language, `key="value"` attributes and the file name they give. */
export interface InfoString {
  /** First word, lower-cased, without pandoc's `{.` (`yaml`, `ts`); '' when absent. */
  lang: string;
  attributes: Record<string, string>;
  /** Normalized file name from `title=`/`filename=`/`file=`/`path=`/`name=`, `lang:path`, or a second word that is a path. */
  name?: string;
}

const EXTENSIONS = 'py|ts|tsx|js|mjs|cjs|jsx|java|cs|go|json|ya?ml|txt|toml|cfg|ini|sh|template|properties|xml|gradle|csproj|mod';
const FILE_NAME = new RegExp(`((?:[\\w@.-]+[/\\\\])*[\\w@-][\\w@.-]*\\.(?:${EXTENSIONS}))(?![\\w/])`, 'i');
const NAME_KEYS = ['title', 'filename', 'file', 'path', 'name'];
const ATTRIBUTE = /([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))/g;

/** A path as a clean relative path (`./lib\\x.py` → `lib/x.py`, no leading `/` or `..`); undefined unless it names a file with a known extension. */
export function normalizeFileName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const match = FILE_NAME.exec(
    raw
      .replace(/\\/g, '/')
      .replace(/\/{2,}/g, '/')
      .replace(/^[A-Za-z]:\//, ''),
  );
  if (!match) return undefined;
  const normalized = path.posix
    .normalize(match[1])
    .replace(/^(\.\.?\/)+/, '')
    .replace(/^\/+/, '');
  return normalized && normalized !== '.' ? normalized : undefined;
}

/** Parses an info string such as `yaml title="lib/TapStack.yml"`, `{.ts file=a.ts}`, `yaml:lib/x.yml` or `ts lib/x.ts`. */
export function parseInfoString(raw: string): InfoString {
  const text = raw
    .trim()
    .replace(/^\{\s*/, '')
    .replace(/\s*\}$/, '');
  const [first = '', ...others] = text.split(/\s+/);
  const attributes: Record<string, string> = {};
  for (const m of text.matchAll(ATTRIBUTE)) attributes[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  const firstIsAttribute = first.includes('=');
  let lang = firstIsAttribute ? '' : first.replace(/^\./, '').toLowerCase();
  let name: string | undefined;
  const colon = lang.indexOf(':');
  if (colon > 0) {
    name = normalizeFileName(first.slice(first.indexOf(':') + 1));
    lang = lang.slice(0, colon);
  }
  for (const key of NAME_KEYS) name ??= normalizeFileName(attributes[key]);
  name ??= normalizeFileName(others.find((word) => !word.includes('=')));
  return { lang, attributes, ...(name ? { name } : {}) };
}

/** File name written in a comment on the block's first non-empty line after any shebang (`# lib/x.py`, `// File: bin/app.ts`, `// bin/tap.ts - the app`, `<!-- a.xml -->`). */
export function firstLineName(lines: readonly string[]): string | undefined {
  const first = lines.find((l) => l.trim() && !l.startsWith('#!')) ?? '';
  const m = /^\s*(?:#|\/\/|--|\/\*|<!--|;)\s*(?:(?:file(?:name|path)?|path)\s*:\s*)?(\S+?)(?:\s+[-–—:(].*?)?\s*(?:\*\/|-->)?\s*$/i.exec(
    first,
  );
  return m ? normalizeFileName(m[1]) : undefined;
}

/** File name a line of prose gives: first one in inline code or bold, else the first path-like word. */
export function nameInLine(line: string): string | undefined {
  for (const m of line.matchAll(/`([^`]+)`|\*\*([^*]+)\*\*|__([^_]+)__/g)) {
    const name = normalizeFileName((m[1] ?? m[2] ?? m[3]).trim());
    if (name) return name;
  }
  return normalizeFileName(line);
}

const HEADING = /^\s{0,3}(?:#{1,6}\s+.*|(?:\*\*|__)[^*_]+(?:\*\*|__)\s*:?\s*)$/;

/**
 * The name the text gives a block whose fence is on `fenceLine` (1-based): the nearest non-empty line
 * above it when that names a file, else the nearest heading after the previous block (`afterLine`).
 */
export function nameAbove(lines: readonly string[], fenceLine: number, afterLine: number): { name: string; from: NameSource } | undefined {
  let nearest = true;
  for (let j = fenceLine - 2; j >= Math.max(afterLine, fenceLine - 12); j--) {
    const line = lines[j].replace(/^\s{0,3}(?:>\s?)+/, '');
    if (!line.trim()) continue;
    const heading = HEADING.test(line);
    if (nearest || heading) {
      const name = nameInLine(line);
      if (name) return { name, from: heading ? 'heading' : 'text' };
      if (heading) return undefined;
    }
    nearest = false;
  }
  return undefined;
}
