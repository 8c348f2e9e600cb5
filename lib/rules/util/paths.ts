/* Reading values at property paths that step into lists. */
import { getPath } from '../../templates/query';
import type { CfnValue } from '../../templates/types';

/** The values at a dotted path below `value` (`*` steps into each item of a list), each with its full dotted path from `prefix`. */
export function valuesAt(value: CfnValue | undefined, path: string, prefix: string): { path: string; value: CfnValue }[] {
  return collect(value, path.split('.'), prefix);
}

function collect(value: CfnValue | undefined, keys: string[], prefix: string): { path: string; value: CfnValue }[] {
  if (value === undefined) return [];
  if (keys.length === 0) return [{ path: prefix, value }];
  const [key, ...rest] = keys;
  if (key === '*') return Array.isArray(value) ? value.flatMap((item, i) => collect(item, rest, `${prefix}.${i}`)) : [];
  return collect(getPath(value, key), rest, `${prefix}.${key}`);
}
