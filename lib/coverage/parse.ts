import type { Category } from '../rules/types';
import { termsOfText } from './terms';
import type { HumanFailure } from './types';

/** Words of a section heading and the category they mean (the seed's five sections, and the usual variants). */
const CATEGORY_WORDS: [RegExp, Category][] = [
  [/\bsyntax|\bcompil|\bbuild errors?\b|\btype errors?\b/i, 'syntax'],
  [/\bdeploy/i, 'deployment'],
  [/\bsecur|\bcomplian/i, 'security'],
  [/\bperforman|\bscalab|\bcost\b/i, 'performance'],
  [/\bobservab|\bmonitor|\blogging\b/i, 'observability'],
];
/** Bold labels that structure a failure's body rather than start a new failure. */
const BODY_LABELS =
  /^(problem|issue|impact|fix|fix in ideal response|ideal response|solution|resolution|cause|root cause|evidence|details?|description|location|severity|recommendation|expected|actual|why|what)$/i;
const NOT_FAILURES = /\b(summary|conclusion|overview|table of contents)\b/i;

interface Heading {
  level: number;
  text: string;
}

/** Strips markdown emphasis, numbering and `Issue N:` prefixes from a heading or list title. */
export function cleanTitle(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/^\s*(?:\d+[.)]\s*)?(?:(?:issue|failure|problem)\s*#?\d*\s*[:.-]\s*)?/i, '')
    .replace(/[:\s#]+$/, '')
    .trim();
}

/** A markdown heading (`#` levels 1–6), or a line that is only bold text (level 7); null otherwise. */
function headingOf(line: string): Heading | null {
  const atx = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
  if (atx) return { level: atx[1].length, text: atx[2] };
  const bold = /^\*\*([^*]+)\*\*:?\s*$/.exec(line.trim());
  return bold && !BODY_LABELS.test(bold[1].replace(/:$/, '').trim()) ? { level: 7, text: bold[1] } : null;
}

/** The category a section heading names, if any. */
function categoryOf(text: string): Category | undefined {
  if (NOT_FAILURES.test(text)) return undefined;
  return CATEGORY_WORDS.find(([re]) => re.test(text))?.[1];
}

/**
 * A top-level list item that starts a failure: `- **Title**: text`, `1. **Title** — text`, or a plain `1. Sentence.`
 * (its first sentence as the title), unless it begins with a body label (`**Impact**:`, `Fix:`).
 */
function listFailureOf(line: string): { title: string; rest: string } | null {
  const bold = /^(?:[-*+]|\d+[.)])\s+\*\*([^*]+)\*\*\s*[:.—–-]?\s*(.*)$/.exec(line);
  if (bold) return BODY_LABELS.test(bold[1].replace(/:$/, '').trim()) ? null : { title: bold[1], rest: bold[2] };
  const plain = /^(?:[-*+]|\d+[.)])\s+(.+)$/.exec(line);
  if (!plain || (/^[\w ]+:/.test(plain[1]) && BODY_LABELS.test(plain[1].split(':')[0].trim()))) return null;
  const sentence = /^(.{1,120}?[.!?])(?:\s+|$)(.*)$/.exec(plain[1]);
  return sentence ? { title: sentence[1].replace(/[.!?]$/, ''), rest: sentence[2] } : { title: plain[1], rest: '' };
}

/**
 * Reads the failures of a human MODEL_FAILURES.md: category sections (any heading level or a bold line) holding
 * failures as deeper headings or as top-level bold list items; summary sections and code blocks are skipped.
 * Failures outside a recognized category section are left out.
 */
export function parseHumanFailures(markdown: string): HumanFailure[] {
  const failures: { category: Category; title: string; lines: string[] }[] = [];
  let section: { category: Category | undefined; level: number } | null = null;
  let current: (typeof failures)[number] | null = null;
  let headingFailures = false;
  let inFence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : headingOf(line);
    if (heading && (!section || heading.level <= section.level || !section.category)) {
      const category = categoryOf(heading.text);
      if (category || !section || heading.level <= section.level) {
        section = { category, level: heading.level };
        current = null;
        headingFailures = false;
        continue;
      }
    }
    if (!section?.category) continue;
    if (heading && heading.level > section.level) {
      current = { category: section.category, title: cleanTitle(heading.text), lines: [] };
      failures.push(current);
      headingFailures = true;
      continue;
    }
    const item = !inFence && !headingFailures ? listFailureOf(line) : null;
    if (item) {
      current = { category: section.category, title: cleanTitle(item.title), lines: item.rest ? [item.rest] : [] };
      failures.push(current);
    } else if (current && line.trim() && !/^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(line)) {
      current.lines.push(line.trim());
    }
  }
  const perCategory = new Map<Category, number>();
  return failures.map(({ category, title, lines }) => {
    const n = (perCategory.get(category) ?? 0) + 1;
    perCategory.set(category, n);
    const text = lines.join('\n');
    const terms = termsOfText(`${title}\n${text}`);
    return { id: `${category}-${n}`, category, title, text, resources: [...terms.ids, ...terms.types], properties: terms.properties };
  });
}
