import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import { assertTemplateText, assertTemplateValue } from '../limits/bounds';
import { parseCloudFormationYaml } from './cfn-yaml';
import type { CfnTemplate, LoadedTemplate } from './types';

/** Deep-freezes a plain value so that no rule or diff can mutate a loaded template. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

/** Stable JSON (sorted keys) so that the hash ignores key order and formatting. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sha256 hex of a value's stable JSON. */
export function hashValue(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex');
}

/**
 * Logical ID → line of its first quoted occurrence after `"Resources"`. One pass over the string tokens, counting lines
 * as it goes: a search from the section's start per resource was quadratic in the size of the template.
 */
function jsonResourceLines(text: string, template: CfnTemplate): Record<string, number> {
  const start = text.indexOf('"Resources"');
  if (start < 0) return {};
  const ids = Object.keys(template.Resources);
  const found = new Map<string, number>();
  const wanted = new Set(ids);
  let line = text.slice(0, start).split('\n').length;
  let counted = start;
  const strings = /"((?:[^"\\\n]|\\.)*)"/g;
  strings.lastIndex = start;
  for (let match = strings.exec(text); match && wanted.size > 0; match = strings.exec(text)) {
    if (!wanted.delete(match[1])) continue;
    for (let at = text.indexOf('\n', counted); at >= 0 && at < match.index; at = text.indexOf('\n', at + 1)) line++;
    counted = match.index;
    found.set(match[1], line);
  }
  // In the order of the template's resources, as the lines are read elsewhere.
  return Object.fromEntries(ids.flatMap((id) => (found.has(id) ? [[id, found.get(id)!]] : [])));
}

/** Whether a parsed value looks like a CloudFormation template (an object with a Resources map). */
export function isTemplateShape(value: unknown): value is CfnTemplate {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const resources = (value as Record<string, unknown>).Resources;
  return !!resources && typeof resources === 'object' && !Array.isArray(resources);
}

/**
 * Parses template text (JSON, or YAML with short-form tags) into a frozen, hashed LoadedTemplate. Text over the size or
 * depth limit is refused before parsing, and a template with too many resources before anything else reads it.
 */
export function parseTemplate(text: string, path = 'template'): LoadedTemplate {
  assertTemplateText(path, text);
  const trimmed = text.trimStart();
  const format = trimmed.startsWith('{') ? 'json' : 'yaml';
  let value: unknown;
  let resourceLines: Record<string, number> = {};
  try {
    if (format === 'json') value = JSON.parse(text);
    else ({ value, resourceLines } = parseCloudFormationYaml(text));
  } catch (error) {
    // A parser that recursed past the stack says so in engine terms; the reader needs the cause in theirs.
    const message = (error as Error).message;
    const reason = error instanceof RangeError || /Maximum call stack/.test(message) ? 'nested too deeply to parse' : message;
    throw new AppError('unprocessable:template', `${path}: cannot parse ${format.toUpperCase()}: ${reason}`, {
      cause: error,
    });
  }
  if (!isTemplateShape(value)) {
    throw new AppError('unprocessable:template', `${path}: not a CloudFormation template (no Resources section)`);
  }
  assertTemplateValue(path, value);
  const template = deepFreeze(value);
  if (format === 'json') resourceLines = jsonResourceLines(text, template);
  return deepFreeze({ path, format, hash: hashValue(template), template, text, resourceLines });
}

/** Wraps an already-parsed template object (e.g. a synthesized one) without copying its text. */
export function fromObject(template: CfnTemplate, path = 'template'): LoadedTemplate {
  if (!isTemplateShape(template)) throw new AppError('unprocessable:template', `${path}: not a CloudFormation template`);
  assertTemplateValue(path, template);
  const frozen = deepFreeze(structuredClone(template));
  return deepFreeze({ path, format: 'json', hash: hashValue(frozen), template: frozen, resourceLines: {} });
}
