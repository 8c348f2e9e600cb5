/* Fenced code blocks of markdown, found the way CommonMark finds them, plus what models get wrong. */

/** One fenced block as written: where it is, its raw info string, and its content lines. */
export interface Fence {
  /** 1-based line of the opening fence. */
  fenceLine: number;
  /** 1-based line of the first content line (the line after the opening fence). */
  startLine: number;
  /** 1-based line of the closing fence, or of the last content line when the block is not closed. */
  endLine: number;
  /** False when the document (or the list or quote holding the block) ends before a closing fence. */
  closed: boolean;
  /** Info string after the opening fence, trimmed (`yaml title="lib/TapStack.yml"`). */
  infoString: string;
  /** Content lines without blockquote markers and without the opening fence's indentation. */
  lines: string[];
}

const OPEN = /^(\s*)(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(\s{1,4})(.*)$/;
const WRAPPERS = new Set(['markdown', 'md']);

/** Removes `depth` blockquote markers; null when the line has fewer. */
function unquote(line: string, depth: number): string | null {
  let rest = line;
  for (let d = 0; d < depth; d++) {
    const m = /^\s{0,3}>\s?/.exec(rest);
    if (!m) return null;
    rest = rest.slice(m[0].length);
  }
  return rest;
}

/** Blockquote depth of a line and the line without its markers. */
function quoteOf(line: string): { depth: number; rest: string } {
  let depth = 0;
  let rest = line;
  for (let m = /^\s{0,3}>\s?/.exec(rest); m; m = /^\s{0,3}>\s?/.exec(rest)) {
    depth++;
    rest = rest.slice(m[0].length);
  }
  return { depth, rest };
}

interface Opening {
  indent: number;
  fence: string;
  info: string;
}

/** An opening fence at the start of `text` indented at most `maxIndent` spaces; backtick fences take no backtick in their info. */
function opening(text: string, maxIndent: number): Opening | undefined {
  const m = OPEN.exec(text);
  if (!m || m[1].length > maxIndent) return undefined;
  if (m[2][0] === '`' && m[3].includes('`')) return undefined;
  return { indent: m[1].length, fence: m[2], info: m[3].trim() };
}

/** Whether `text` closes a block opened with `open`: same character, at least as long, nothing after it. */
function closes(text: string, open: Opening): boolean {
  const m = /^(\s*)(`{3,}|~{3,})\s*$/.exec(text);
  return !!m && m[1].length <= open.indent + 3 && m[2][0] === open.fence[0] && m[2].length >= open.fence.length;
}

/** Whether `inner` could close a block opened with `open` (same character, at least as long) had it no info string. */
function sameFence(inner: Opening, open: Opening): boolean {
  return inner.fence[0] === open.fence[0] && inner.fence.length >= open.fence.length;
}

interface BlockEnd {
  content: string[];
  /** 0-based index of the closing fence, or of the line that ended the block. */
  end: number;
  closed: boolean;
  /** Set when a lenient read stopped at another opening fence (a ```python line) before any closing one. */
  reopened: boolean;
}

/**
 * Reads the block opened on line `from` up to its closing fence. In a markdown wrapper, a ```lang line opens a
 * nested block whose bare fence closes it, not the wrapper. A lenient read of any other block stops at an opening
 * fence with an info string that could have closed it: models forget closing fences, CommonMark would swallow the next block.
 */
function readBlock(lines: readonly string[], from: number, depth: number, open: Opening, lenient: boolean): BlockEnd {
  const wrapper = WRAPPERS.has(open.info.split(/\s/)[0].toLowerCase());
  const content: string[] = [];
  let nested = 0;
  let end = from + 1;
  for (; end < lines.length; end++) {
    const text = unquote(lines[end], depth);
    if (text === null) break;
    const inner = opening(text, open.indent + 3);
    const reopens = !!inner?.info && sameFence(inner, open);
    if (wrapper && reopens) nested++;
    else if (closes(text, open)) {
      if (nested === 0) return { content, end, closed: true, reopened: false };
      nested--;
    } else if (reopens && lenient && !wrapper) return { content, end, closed: false, reopened: true };
    content.push(text.slice(Math.min(open.indent, text.length - text.trimStart().length)));
  }
  return { content, end, closed: false, reopened: false };
}

/**
 * Every fenced block of `lines` (``` or ~~~, any length, indented up to 3 spaces, or under a list
 * item's marker, or inside blockquotes). A block whose info is `markdown`/`md` and that holds fences
 * is a wrapper: the blocks inside it are returned instead, with their own lines. `lenient` reads
 * answers as their authors meant them: an info-less fence followed by prose and a ```lang fence
 * was stray (skipped), and a block that meets a ```lang fence ends there, unclosed.
 */
export function scanFences(lines: readonly string[], lineOffset = 0, lenient = false): Fence[] {
  const fences: Fence[] = [];
  let listIndent: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const { depth, rest } = quoteOf(lines[i]);
    const item = LIST_ITEM.exec(rest);
    let open: Opening | undefined;
    if (item) {
      listIndent = item[1].length + item[2].length + item[3].length;
      const inner = opening(item[4], 3);
      if (inner) open = { ...inner, indent: listIndent + inner.indent };
    } else if (rest.trim()) {
      const indent = rest.length - rest.trimStart().length;
      if (listIndent !== undefined && indent < 2) listIndent = undefined;
      open = opening(rest, 3 + (listIndent ?? 0));
    }
    if (!open) continue;
    const { content, end, closed, reopened } = readBlock(lines, i, depth, open, lenient);
    if (reopened && !open.info) continue;
    const fenceLine = lineOffset + i + 1;
    const lastLine = closed ? end : end - 1;
    const fence: Fence = {
      fenceLine,
      startLine: fenceLine + 1,
      endLine: lineOffset + lastLine + 1,
      closed,
      infoString: open.info,
      lines: content,
    };
    // Wrappers, and in lenient reads info-less blocks too (a stray ```` before a real block), give their inner blocks.
    const wraps = WRAPPERS.has(open.info.split(/\s/)[0].toLowerCase()) || (lenient && !open.info);
    const inner = wraps ? scanFences(content, fenceLine, lenient) : [];
    // An inner block running to the end of a closed wrapper ended with it.
    for (const f of inner)
      if (closed && !f.closed && f.endLine === fence.endLine - 1) Object.assign(f, { closed: true, endLine: fence.endLine });
    fences.push(...(inner.length > 0 ? inner : [fence]));
    i = closed ? end : end - 1;
  }
  return fences;
}
