/** Headings that say what kind of text follows, not what the task is: they never name a review. */
const BOILERPLATE =
  /^(the\s+)?(prompt|task|tasks|instructions?|problem(\s+statement)?|description|context|background|overview|introduction|summary|requirements?|objective|goal|user\s+request|question)s?\s*:?$/i;
const MAX_LENGTH = 120;

/**
 * A review's name from its PROMPT.md: the first heading that names something (front matter, empty headings and
 * boilerplate such as "Prompt" or "Task" skipped), else the first line of prose; undefined when the text has neither.
 */
export function promptTitle(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const lines = withoutFrontMatter(text.replace(/^\uFEFF/, '')).split(/\r?\n/);
  let fenced = false;
  const prose: string[] = [];
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || /^\s*(```|~~~)/.test(line)) continue;
    const heading = /^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const title = plain(heading[1]);
      if (title && !BOILERPLATE.test(title)) return clip(title);
    } else if (!/^\s*(-{3,}|\*{3,}|_{3,}|=+|<[^>]+>)\s*$/.test(line) && plain(line)) prose.push(plain(line));
  }
  return prose[0] === undefined ? undefined : clip(prose[0]);
}

/** The text without a leading YAML front matter block (`---` ... `---`). */
function withoutFrontMatter(text: string): string {
  const match = /^---\s*\r?\n[\s\S]*?\r?\n---\s*(\r?\n|$)/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

/** A line without markdown decoration: emphasis, code ticks, link targets, list markers, quote marks. */
function plain(line: string): string {
  return line
    .replace(/^\s*(>\s*)+/, '')
    .replace(/^\s*([-*+]|\d+[.)])\s+/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .trim();
}

function clip(title: string): string {
  return title.length <= MAX_LENGTH ? title : `${title.slice(0, MAX_LENGTH - 1).trimEnd()}…`;
}
