/* Which part of an answer a line belongs to: a reasoning section (drafts) or the answer itself. */

/** `reasoning`: thinking, analysis, drafts; `final`: a section headed as the final answer; `answer`: anything else. */
export type SectionKind = 'reasoning' | 'final' | 'answer';

const STRONG_REASONING =
  /\b(reasoning|thinking|thoughts?|thought process|chain of thought|drafts?|scratch ?pad|brainstorm(ing)?|initial attempt|first attempt)\b/;
const FINAL =
  /\b(final|answer|solution|implementation|complete (code|solution|implementation|template|stack)|full (code|solution|implementation|template)|ideal response|corrected (code|version|template))\b/;
const WEAK_REASONING = /\b(analysis|analyzing|analysing)\b/;
const REASONING_TAGS = new Set(['thinking', 'think', 'reasoning', 'analysis', 'scratchpad', 'reflection', 'thought', 'thoughts']);
const FINAL_TAGS = new Set(['answer', 'final_answer', 'final-answer', 'final', 'solution', 'ideal_response', 'response', 'output']);
const TAG = /<(\/?)\s*([A-Za-z_-]+)\s*>/g;

/** Kind of a section titled `title` (a heading's text); 'answer' when the title says neither. */
export function headingKind(title: string): SectionKind {
  const words = title
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
  if (STRONG_REASONING.test(words)) return 'reasoning';
  if (FINAL.test(words)) return 'final';
  return WEAK_REASONING.test(words) ? 'reasoning' : 'answer';
}

/** Level and title of a heading line: ATX (`## Title`, level 1–6), a bold line or a short `Title:` line (level 7); setext is read by `setext`. */
function heading(line: string): { level: number; title: string } | undefined {
  const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
  if (atx) return { level: atx[1].length, title: atx[2] };
  const bold = /^\s{0,3}(?:\*\*|__)([^*_]+?):?(?:\*\*|__)\s*:?\s*$/.exec(line);
  if (bold) return { level: 7, title: bold[1] };
  const label = /^\s{0,3}([A-Za-z][A-Za-z _-]{2,40}):\s*$/.exec(line);
  return label && headingKind(label[1]) !== 'answer' ? { level: 7, title: label[1] } : undefined;
}

/** A setext heading: a text line underlined by `===` (level 1) or `---` (level 2). */
function setext(line: string, next: string | undefined): { level: number; title: string } | undefined {
  const underline = next === undefined ? null : /^\s{0,3}(=+|-+)\s*$/.exec(next);
  if (!underline || !line.trim() || /^\s{0,3}([-*+>]|\d+[.)])\s/.test(line)) return undefined;
  return { level: underline[1][0] === '=' ? 1 : 2, title: line.trim() };
}

/**
 * Section kind of every line (index 0 is line 1). Headings open sections that last until a heading of
 * the same or a higher level (a line is reasoning when any heading above it is); `<thinking>`…`</thinking>`-style tags override headings. Lines inside
 * fenced blocks (`skip`, 1-based inclusive ranges) are never read as headings or tags.
 */
export function sectionKinds(lines: readonly string[], skip: readonly { fenceLine: number; endLine: number }[]): SectionKind[] {
  const kinds: SectionKind[] = [];
  const stack: { level: number; kind: SectionKind }[] = [];
  let tag: SectionKind | undefined;
  let nextSkip = 0;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    while (nextSkip < skip.length && skip[nextSkip].endLine < lineNo) nextSkip++;
    const inBlock = nextSkip < skip.length && skip[nextSkip].fenceLine <= lineNo;
    if (!inBlock) {
      const text = lines[i].replace(/^\s{0,3}(?:>\s?)+/, '');
      const h = heading(text) ?? setext(text, lines[i + 1]);
      if (h) {
        while (stack.length > 0 && stack[stack.length - 1].level >= h.level) stack.pop();
        stack.push({ level: h.level, kind: headingKind(h.title) });
      }
      tag = tagState(text.replace(/`[^`]*`/g, ''), tag);
    }
    // Reasoning anywhere on the heading path wins: a "Final" heading inside reasoning is still a draft.
    const fromHeadings = stack.some((s) => s.kind === 'reasoning')
      ? 'reasoning'
      : stack.some((s) => s.kind === 'final')
        ? 'final'
        : 'answer';
    kinds.push(tag ?? fromHeadings);
  }
  return kinds;
}

/** The tag state after reading the tags of one line. */
function tagState(line: string, state: SectionKind | undefined): SectionKind | undefined {
  let current = state;
  for (const m of line.matchAll(TAG)) {
    const name = m[2].toLowerCase();
    const kind = REASONING_TAGS.has(name) ? 'reasoning' : FINAL_TAGS.has(name) ? 'final' : undefined;
    if (!kind) continue;
    if (m[1]) current = current === kind ? undefined : current;
    else current = kind;
  }
  return current;
}
