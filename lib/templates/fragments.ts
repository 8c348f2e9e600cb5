/* Whether a code block is a whole file or a fragment of one ("policy section only", "// ... rest unchanged"). */
import { languageOf, type CodeLanguage } from './code-facts';
import type { CodeBlock } from './types';

const ELLIPSIS = /^\s*(?:\/\/|#|\/\*)\s*(?:\.{3}|…)|^\s*(?:\.{3}|…)\s*$/;
const ELISION =
  /^\s*(?:\/\/|#|\/\*).*\b(?:rest of (?:the )?(?:code|file|stack|class|implementation|constructor|methods?|resources|configuration)|remainder of|for brevity|(?:code|details|implementation) (?:omitted|elided)|(?:existing|previous) (?:code|imports|methods|implementation)|same as (?:before|above)|remains? (?:the same|unchanged)|(?:is|are|stays?) unchanged)\b/i;
const CLASS_MEMBER = /^(?:(?:private|public|protected|static|readonly|async|override)\s+)+[\w$]+|^constructor\s*\(/;
const NAMES_FROM_ELSEWHERE = /\b(?:this|self)\.|\b(?:Stack|Construct|Duration|RemovalPolicy)\b|\b[a-z][a-z0-9_]*\.[A-Z]\w*\s*\(/;

/** Whether code (strings blanked) imports anything (`import`, `from x import`, `require(`). */
function hasImports(code: string, language: CodeLanguage): boolean {
  return language === 'py' ? /^\s*(?:import|from)\s+[\w.]/m.test(code) : /^\s*import\s|\brequire\(/m.test(code);
}

/**
 * Why a block of code is a fragment rather than a whole file, or undefined when it reads as whole: an elision
 * comment, unbalanced brackets, a first line inside a class, names used but never imported, or no imports where
 * `earlier` (a block of the same file before it) has them. Only TypeScript, JavaScript and Python are judged.
 */
export function fragmentReason(text: string, language: CodeLanguage, closed: boolean, earlier?: string): string | undefined {
  if (language !== 'ts' && language !== 'js' && language !== 'py') return undefined;
  const lines = text.split('\n');
  const elided = lines.findIndex((l) => ELLIPSIS.test(l) || ELISION.test(l));
  if (elided >= 0) return `elides code ("${lines[elided].trim().slice(0, 60)}")`;
  const { code, balanced } = readCode(text, language);
  if (!balanced) return closed ? 'its brackets do not balance' : 'cut off: the answer ends inside it';
  const first = code.split('\n').find((l) => l.trim()) ?? '';
  if (language === 'py' && /^\s/.test(first)) return 'starts indented, inside a class or function';
  if (language === 'py' && /^(?:async\s+)?def\s+\w+\s*\(\s*self\b/.test(first)) return 'a method outside its class';
  if (language !== 'py' && CLASS_MEMBER.test(first.trim())) return 'starts inside a class';
  const imports = hasImports(code, language);
  if (!imports && earlier !== undefined && hasImports(readCode(earlier, language).code, language))
    return 'has no imports, unlike the earlier block of this file';
  if (!imports && NAMES_FROM_ELSEWHERE.test(code)) return 'uses names it never imports';
  return undefined;
}

/** The blocks with `fragment` set on each code block that reads as part of a file; a named block is judged against the last whole block of its name before it. */
export function markFragments(blocks: readonly CodeBlock[]): CodeBlock[] {
  const lastWhole = new Map<string, string>();
  return blocks.map((block) => {
    const earlier = block.name ? lastWhole.get(block.name) : undefined;
    const why = fragmentReason(block.text, languageOf(block.info, block.text, block.name), block.closed, earlier);
    if (!why && block.name) lastWhole.set(block.name, block.text);
    return why ? { ...block, fragment: why } : block;
  });
}

const PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * The code of a block with strings and comments blanked (newlines kept, `${…}` of template literals kept as
 * code), and whether its (), [] and {} pair up.
 */
export function readCode(text: string, language: CodeLanguage): { code: string; balanced: boolean } {
  const py = language === 'py';
  const out = [...text];
  const blank = (from: number, to: number) => {
    for (let k = from; k <= to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const stack: string[] = [];
  let balanced = true;
  let inTemplate = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const start = i;
    if (inTemplate) {
      if (c === '\\') i++;
      else if (c === '`') inTemplate = false;
      else if (c === '$' && text[i + 1] === '{') {
        stack.push('${');
        inTemplate = false;
        i++;
      }
      blank(start, i);
      continue;
    }
    const rest = text.slice(i, i + 3);
    if ((py && c === '#') || (!py && rest.startsWith('//'))) i = endOf(text, '\n', i) - 1;
    else if (!py && rest.startsWith('/*')) i = endOf(text, '*/', i + 2) + 1;
    else if (py && (rest === '"""' || rest === "'''")) i = endOf(text, rest, i + 3) + 2;
    else if (c === '"' || c === "'") i = endOfString(text, c, i);
    else if (c === '`' && !py) inTemplate = true;
    else if (c === '}' && stack[stack.length - 1] === '${') {
      stack.pop();
      inTemplate = true;
    } else {
      if ('([{'.includes(c)) stack.push(c);
      else if (c in PAIRS && stack.pop() !== PAIRS[c]) balanced = false;
      continue;
    }
    blank(start, i);
  }
  return { code: out.join(''), balanced: balanced && stack.length === 0 && !inTemplate };
}

/** Index where `token` starts at or after `from` (the text's length when absent). */
function endOf(text: string, token: string, from: number): number {
  const at = text.indexOf(token, from);
  return at < 0 ? text.length : at;
}

/** Index of the quote closing the one-line string opened at `open`, or of the line's end. */
function endOfString(text: string, quote: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote || text[i] === '\n') return i;
  }
  return text.length;
}
