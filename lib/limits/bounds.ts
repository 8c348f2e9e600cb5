import { AppError } from '../errors';
import { formatBytes, inputLimits, LIMIT_VARIABLES, type InputLimits } from './limits';

/** What a refusal for size says about the bound it met, for clients that act on it. */
export interface LimitDetails {
  limit: keyof InputLimits;
  max: number;
  actual: number;
  variable: string;
}

/** A 422 refusal that names the limit, the actual amount and the variable that raises it. */
export function limitExceeded(limit: keyof InputLimits, actual: number, message: string): AppError {
  const details: LimitDetails = { limit, max: inputLimits()[limit], actual, variable: LIMIT_VARIABLES[limit] };
  return new AppError('unprocessable:template', `${message} (${details.variable})`, { details });
}

/** Whether an error is a refusal for size: such input is refused outright, never stored as a failed side. */
export function isLimitError(error: unknown): error is AppError {
  const details = error instanceof AppError ? (error.details as Partial<LimitDetails> | undefined) : undefined;
  return !!details && typeof details.limit === 'string' && typeof details.variable === 'string';
}

/** Refuses a file of `path` whose text is over the byte limit, before anything reads it. */
export function assertFileSize(path: string, text: string, limits = inputLimits()): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.fileBytes)
    throw limitExceeded('fileBytes', bytes, `${path}: ${formatBytes(bytes)}, over the ${formatBytes(limits.fileBytes)} limit of a file`);
}

/**
 * The deepest nesting of `[`/`{` in JSON or flow-style YAML text, outside quoted strings and comments; stops counting
 * past `stopAt`. A cheap scan that runs before any parser, whose recursion a 100,000-deep input would exhaust.
 */
export function bracketDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = closingQuote(text, i);
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (c === '[' || c === '{') {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAt) return deepest;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return deepest;
}

/** Index of the quote that closes the string opened at `start` (JSON/YAML double quotes escape with `\`, YAML single quotes double themselves); the line's end when unclosed. */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\n' && quote === "'") return i;
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return text.length;
}

/** Refuses template text over the size limit or nested past the depth limit, before it is parsed. */
export function assertTemplateText(path: string, text: string, limits = inputLimits()): void {
  assertFileSize(path, text, limits);
  const depth = bracketDepth(text, limits.depth);
  if (depth > limits.depth) throw limitExceeded('depth', depth, `${path}: nested more than ${limits.depth} levels deep`);
}

/**
 * Refuses a parsed template nested past the depth limit (block-style YAML, which the text scan does not see) or with
 * more resources than the limit. Walks without recursion, so no input can overflow the stack here.
 */
export function assertTemplateValue(path: string, value: unknown, limits = inputLimits()): void {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (depth > limits.depth) throw limitExceeded('depth', depth, `${path}: nested more than ${limits.depth} levels deep`);
    if (!Array.isArray(node) && Object.getPrototypeOf(node) !== Object.prototype && Object.getPrototypeOf(node) !== null)
      throw unsupportedValue(path, node);
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  const resources = (value as { Resources?: unknown })?.Resources;
  const count = resources && typeof resources === 'object' ? Object.keys(resources).length : 0;
  if (count > limits.resources)
    throw limitExceeded('resources', count, `${path}: ${count} resources, over the limit of ${limits.resources} per template`);
}

// YAML's explicit tags (!!binary, !!set, !!omap, !!timestamp) build values that are not JSON data.
function unsupportedValue(path: string, node: object): AppError {
  const type = node.constructor?.name ?? 'non-JSON';
  return new AppError(
    'unprocessable:template',
    `${path}: cannot parse: a ${type} value (from a YAML tag such as !!binary or !!set); a template holds only strings, numbers, booleans, lists and maps`,
  );
}
