import type { Category } from '../rules/types';
import { termsOfText } from './terms';
import { problemsOfText } from './problems';
import type { HumanFailure, HumanReview } from './types';

/** Words that name a category, most specific first: a "critical security" section is about security. */
const CATEGORY_WORDS: [RegExp, Category][] = [
  [/\bsyntax|\bcompil|\blint|\bbuild errors?\b|\btype errors?\b|\bschema\b/i, 'syntax'],
  [/\bsecur|\biam\b|\bencrypt|\bcomplian|\bvulnerab|\bleast[- ]privilege|\bpermission/i, 'security'],
  [/\bperforman|\bcost|\bscal(?:ab|ing|e\b)|\blatency|\bcach/i, 'performance'],
  [/\bobservab|\bmonitor|\blogging\b|\blogs?\b|\balarms?\b|\bmetrics?\b|\btracing\b/i, 'observability'],
  [/\bdeploy|\bcritical|\bruntime|\bblocker|\bfail(?:s|ed|ure)? to\b/i, 'deployment'],
];
/** Bold labels that structure a failure's body (problem, impact, fix, what the ideal does) rather than start a failure. */
const BODY_LABELS =
  /^(problem|issues?|impact(?: level)?|fix(?:es)?(?: applied)?|fix in ideal response|ideal(?: response)?(?: fix)?|ideal solution|solution|resolution|cause|root cause|evidence|details?|description|location|severity|recommendation|expected|actual|why|what|requirement|model(?:_| )response(?: issue)?|model failures?|correct implementation|why ideal is better|result|category|before|after|note|example|current|recommended|reference|ideal implementation|model implementation|problem in model_response|what was wrong|what changed|status)$/i;
/** Sections that restate, summarize or praise rather than list failures. */
const NOT_FAILURES =
  /\b(summary|summaries|conclusion|overview|table of contents|did (?:well|right)|what (?:the model )?(?:got|did) right|strengths?|positives?|what works|correctly implemented|best practices applied|quick fixes|key takeaways|lessons learned|next steps|recommendations|assessment|passed|prerequisites|remediation|priorit(?:y|ies|ization)|prompt requirements|requirements \(from|impact (?:analysis|summary)|validation results|training (?:value|quality|metrics))\b|^\W*\w+ impact\W*$/i;
/** A heading or item that says it is one failure: numbered, or `Issue N`, `Failure 1.2`. */
const NUMBERED = /^\s*(?:\*\*)?\s*(?:\d+(?:\.\d+)*[.)]|(?:model\s+)?(?:issue|failure|problem|finding|gap)\s*#?\d+)/i;

/** Strips markdown emphasis, numbering and `Issue N:` prefixes from a heading or list title. */
export function cleanTitle(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?\s*)?(?:(?:model\s+)?(?:issue|failure|problem|finding|gap)\s*#?[\d.]*\s*[:.-]\s*)?/i, '')
    .replace(/[:\s#]+$/, '')
    .trim();
}

interface Heading {
  level: number;
  text: string;
}

/** A markdown heading (`#` levels 1–6), or a line that is only bold text (level 7) and not a body label; null otherwise. */
function headingOf(line: string): Heading | null {
  const atx = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
  // `### Issue`, `### Impact`, `### Fix` under a failure's heading are parts of its body.
  if (atx) return atx[1].length >= 3 && isBodyLabel(atx[2]) ? null : { level: atx[1].length, text: atx[2] };
  const bold = /^\*\*([^*]+)\*\*(:?)\s*$/.exec(line.trim());
  // A bold line ending with a colon introduces part of a body (`**Why This Fix is Necessary**:`), never a failure.
  if (!bold || bold[2] || bold[1].trim().endsWith(':')) return null;
  return isBodyLabel(bold[1]) ? null : { level: 7, text: bold[1] };
}

/** Short labels that open with a body word (`Ideal Response Fix`, `MODEL_RESPONSE Issue`) count as body labels too. */
const BODY_LABEL_START =
  /^(problem|issue|impact|fix|ideal|model|solution|root cause|severity|why|what|before|after|expected|actual|current|correct|recommend|result|requirement|evidence|details?|description|location|category|note|example|status|reference|resolution|cause)/i;

function isBodyLabel(text: string): boolean {
  const label = text.replace(/[:*]/g, '').trim();
  return BODY_LABELS.test(label) || (BODY_LABEL_START.test(label) && label.split(/\s+/).length <= 3);
}

/** A top-level list item's title and the rest of its line; null for an indented item, a non-item or a body label (`**Impact**:`). */
function itemOf(line: string): { title: string; rest: string } | null {
  const marker = /^ {0,1}(?:[-*+]|\d+[.)])\s+(.+)$/.exec(line);
  if (!marker) return null;
  const bold = /^\*\*(.+?)\*\*\s*[:.—–-]?\s*(.*)$/.exec(marker[1]);
  if (bold) return isBodyLabel(bold[1]) ? null : { title: bold[1], rest: bold[2] };
  if (/^[\w ]+:/.test(marker[1]) && isBodyLabel(marker[1].split(':')[0])) return null;
  const sentence = /^(.{1,140}?[.!?])(?:\s+|$)(.*)$/.exec(marker[1]);
  return sentence ? { title: sentence[1].replace(/[.!?]$/, ''), rest: sentence[2] } : { title: marker[1], rest: '' };
}

/** A section of the document: its heading, the lines under it before any sub-section, and its sub-sections. */
interface Section {
  heading: Heading;
  lines: string[];
  children: Section[];
  parent?: Section;
}

function sectionsOf(markdown: string): Section {
  const root: Section = { heading: { level: 0, text: '' }, lines: [], children: [] };
  let current = root;
  let inFence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    let heading = inFence ? null : headingOf(line);
    // Inside a numbered failure, an unnumbered bold line is part of its body, not a failure of its own.
    if (heading?.level === 7 && NUMBERED.test(current.heading.text) && !NUMBERED.test(heading.text)) heading = null;
    if (!heading) {
      if (!inFence) current.lines.push(line);
      continue;
    }
    while (current.parent && current.heading.level >= heading.level) current = current.parent;
    const section: Section = { heading, lines: [], children: [], parent: current };
    current.children.push(section);
    current = section;
  }
  return root;
}

/** The category of a failure: the nearest section heading that names one, else its title's words, else its body's, else deployment. */
function categoryOf(headings: readonly string[], ownWords: string): Category {
  for (const text of [...headings].reverse().concat(ownWords.split('\n')[0])) {
    const found = CATEGORY_WORDS.find(([re]) => re.test(text));
    if (found) return found[1];
  }
  return CATEGORY_WORDS.find(([re]) => re.test(ownWords))?.[1] ?? 'deployment';
}

const meaningful = (line: string) => line.trim() && !/^\s*(-{3,}|\*{3,}|_{3,}|\|[-:| ]+\|?)\s*$/.test(line);

/**
 * Reads a human MODEL_FAILURES.md whole: every failure of every section — a leaf heading (or bold line), or each
 * top-level item (bold, numbered or plain) of a section that lists failures — with its body as text. Summaries,
 * restatements and praise sections are skipped; impact and fix sub-items stay in their failure's body; a repeated
 * title counts once. Each failure's category comes from its section headings' words, else its own. Text that belongs to
 * no failure is returned as `unread`.
 */
export function readHumanReview(markdown: string): HumanReview {
  const found: { headings: string[]; title: string; lines: string[] }[] = [];
  const unread: string[] = [];
  const visit = (section: Section, headings: string[]) => {
    if (NOT_FAILURES.test(section.heading.text)) return;
    const trail = section.heading.text ? [...headings, section.heading.text] : headings;
    const body = section.lines.filter(meaningful);
    const items = body.map(itemOf);
    const isLeaf = section.children.length === 0;
    const listsFailures = section.heading.level === 0 || !NUMBERED.test(section.heading.text) || !isLeaf;
    if (listsFailures && items.some(Boolean)) {
      let current: (typeof found)[number] | null = null;
      body.forEach((line, i) => {
        const item = items[i];
        if (item) found.push((current = { headings: trail, title: cleanTitle(item.title), lines: item.rest ? [item.rest] : [] }));
        else if (current) current.lines.push(line.trim());
        else if (line.trim().length > 40) unread.push(line.trim());
      });
    } else if (isLeaf && section.heading.level > 0 && (body.length > 0 || NUMBERED.test(section.heading.text))) {
      found.push({ headings, title: cleanTitle(section.heading.text), lines: body.map((l) => l.trim()) });
    } else if (body.length > 0 && section.children.length > 0 && section.heading.level > 0) {
      // Introductory prose of a section that lists its failures below: neither a failure nor lost.
      unread.push(...body.map((l) => l.trim()).filter((l) => l.length > 40));
    } else if (section.heading.level === 0) unread.push(...body.map((l) => l.trim()));
    for (const child of section.children) visit(child, trail);
  };
  visit(sectionsOf(markdown), []);
  const seen = new Set<string>();
  const perCategory = new Map<Category, number>();
  const failures: HumanFailure[] = [];
  for (const { headings, title, lines } of found) {
    const key = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const text = lines.join('\n');
    const category = categoryOf(headings, `${title}\n${text}`);
    const n = (perCategory.get(category) ?? 0) + 1;
    perCategory.set(category, n);
    const terms = termsOfText(`${title}\n${text}`);
    failures.push({
      id: `${category}-${n}`,
      category,
      title,
      text,
      resources: [...terms.ids, ...terms.types],
      properties: terms.properties,
      problems: problemsOfText(`${title}\n${text}`),
    });
  }
  return { failures, unread: unread.filter((l) => l.length > 0).slice(0, 50) };
}

/** The failures of a human MODEL_FAILURES.md (readHumanReview without what it could not read). */
export function parseHumanFailures(markdown: string): HumanFailure[] {
  return readHumanReview(markdown).failures;
}
