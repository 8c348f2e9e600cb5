/* The construct calls of CDK source code (`new X(this, 'Id'`, `X(self, "Id"`), read by pattern, not compiled. */
import type { SourceFile } from '../templates/types';

/** One construct call: where it is, the class it creates, the id it gives (a pattern when computed), the class it is written in. */
export interface ConstructCall {
  file: string;
  line: number;
  /** The class created, without its module (`Bucket` for `s3.Bucket`). */
  className: string;
  /** The scope argument as written (`this`, `self`, `scope`, `vpc`). */
  scope: string;
  /** The id: exact for a plain string, a pattern for a template literal or f-string; absent when computed otherwise (a variable, a concatenation). */
  id?: { exact: string } | { pattern: RegExp };
  /** The class whose body holds the call, and whether that class is a stack. */
  enclosing?: { name: string; isStack: boolean };
}

const TS_CALL = /\bnew\s+((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)\s*(?:<[^<>()]*>)?\s*\(\s*([A-Za-z_$][\w$.]*)\s*,\s*/g;
const PY_CALL = /(?<![\w.])((?:[A-Za-z_]\w*\.)*[A-Z]\w*)\s*\(\s*([A-Za-z_][\w.]*)\s*,\s*/g;
const TS_CLASS = /^[ \t]*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\s+(\w+)(?:\s*<[^{]*?>)?(?:\s+extends\s+([\w.]+))?/gm;
const PY_CLASS = /^class\s+(\w+)\s*(?:\(([^)]*)\))?\s*:/gm;
const TEST_FILE = /(^|\/)(tests?|__tests__)\/|\.(test|spec)\.[jt]sx?$|(^|\/)test_[^/]*\.py$/;
// A pattern needs this many literal characters to say something (`${prefix}${name}` matches any id).
const MIN_LITERAL = 3;

const cache = new WeakMap<SourceFile, ConstructCall[]>();

/** The construct calls of CDK sources (TypeScript, JavaScript, Python; test files left out), read once per SourceFile object. */
export function constructCallsOf(sources: readonly SourceFile[]): ConstructCall[] {
  return sources.flatMap((source) => {
    let calls = cache.get(source);
    if (!calls) {
      calls = callsIn(source);
      cache.set(source, calls);
    }
    return calls;
  });
}

function callsIn(source: SourceFile): ConstructCall[] {
  const python = source.language === 'python';
  if (!python && source.language !== 'typescript' && source.language !== 'javascript') return [];
  if (TEST_FILE.test(source.name ?? source.path)) return [];
  const { text } = source;
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const lineOf = (index: number) => upperBound(lineStarts, index);
  const classes = [...text.matchAll(python ? PY_CLASS : TS_CLASS)].map((m) => ({
    index: m.index,
    name: m[1],
    isStack: /Stack\b/.test(m[2] ?? ''),
  }));
  const calls: ConstructCall[] = [];
  for (const match of text.matchAll(python ? PY_CALL : TS_CALL)) {
    const index = match.index;
    const lineText = text.slice(lineStarts[lineOf(index) - 1], index);
    if (/^\s*(\/\/|#|\*)/.test(lineText)) continue;
    const enclosing = classes.filter((c) => c.index < index).at(-1);
    // A module-level Python statement after a class is not in it.
    const inClass = enclosing && (!python || /^\s+/.test(lineText));
    const id = idAt(text.slice(index + match[0].length, index + match[0].length + 300), python);
    calls.push({
      file: source.path,
      line: source.startLine + lineOf(index) - 1,
      className: match[1].split('.').at(-1)!,
      scope: match[2],
      ...(id ? { id } : {}),
      ...(inClass ? { enclosing: { name: enclosing.name, isStack: enclosing.isStack } } : {}),
    });
  }
  return calls;
}

/** The id argument at the start of `rest`: a plain string, a template literal or f-string as a pattern, else undefined. */
function idAt(rest: string, python: boolean): ConstructCall['id'] | undefined {
  const plain = /^(['"])((?:\\.|(?!\1)[^\\\n])*)\1\s*[,)]/.exec(rest);
  if (plain) return { exact: plain[2] };
  const template = python ? /^[fF](['"])((?:(?!\1)[^\n])*)\1\s*[,)]/.exec(rest) : /^`([^`]*)`\s*[,)]/.exec(rest);
  if (!template) return undefined;
  const body = python ? template[2] : template[1];
  const placeholder = python ? /\{[^}]*\}/g : /\$\{[^}]*\}/g;
  const literals = body.split(placeholder);
  if (literals.length === 1) return { exact: body };
  if (literals.join('').length < MIN_LITERAL) return undefined;
  return { pattern: new RegExp(`^${literals.map(escapeRegExp).join('.+')}$`) };
}

/** Whether a call's id can be `segment`. */
export function idMatches(call: ConstructCall, segment: string): boolean {
  if (!call.id) return false;
  return 'exact' in call.id ? call.id.exact === segment : call.id.pattern.test(segment);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Number of entries of the sorted `values` that are ≤ `value` (the 1-based line of an offset). */
function upperBound(values: readonly number[], value: number): number {
  let [low, high] = [0, values.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
