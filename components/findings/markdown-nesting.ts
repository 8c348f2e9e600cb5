/* Bounds how deeply markdown containers nest, so that a parser and renderer that recurse per level cannot overflow the stack. */

/** Deepest nesting of block quotes and lists kept; deeper markers are shown as text. */
export const MAX_MARKDOWN_NESTING = 8;
/** Most leading whitespace kept on a line (indentation nests lists too). */
const MAX_INDENT = 4 * MAX_MARKDOWN_NESTING;

// One container opener at the start of a line: a block quote `>` or a list marker followed by a space.
const CONTAINER = /^(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s))[ \t]*/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * The text with each line's leading block quotes and list markers cut to MAX_MARKDOWN_NESTING (the rest escaped, so it
 * reads as typed) and its indentation to MAX_INDENT; lines within those bounds are unchanged.
 */
export function limitMarkdownNesting(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^[ \t]*/.exec(line)![0];
      let rest = line.slice(indent.length);
      let prefix = indent.length > MAX_INDENT ? indent.slice(0, MAX_INDENT) : indent;
      for (let depth = 0; depth < MAX_MARKDOWN_NESTING; depth++) {
        const opener = CONTAINER.exec(rest);
        if (!opener) return line.length === prefix.length + rest.length ? line : prefix + rest;
        prefix += opener[0];
        rest = rest.slice(opener[0].length);
      }
      return CONTAINER.test(rest) ? prefix + rest.replace(ASCII_PUNCTUATION, '\\$&') : prefix + rest;
    })
    .join('\n');
}
