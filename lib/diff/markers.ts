/* The `[+]` / `[-]` / `[~]` lines of a diff, as `cdk diff` prints them: one marker per changed line, nested values included. */
import type { NestedChange, PropertyChange } from './types';

/** The marker of each kind of change, the one place they are chosen. */
export const CHANGE_MARKERS: Readonly<Record<PropertyChange['change'], '[+]' | '[-]' | '[~]'>> = {
  added: '[+]',
  removed: '[-]',
  updated: '[~]',
};

/**
 * The lines to draw under a changed property: its nested changes for an updated object or array; for an added or removed
 * object or array, every key and element of the value, each marked added or removed (objects and arrays as a line of
 * their own with their children one level deeper, empty ones as `{}` / `[]` leaves); nothing for a scalar value.
 */
export function markerLines(property: PropertyChange): NestedChange[] {
  if (property.nested) return property.nested;
  if (property.change === 'updated') return [];
  const value = property.change === 'added' ? property.after : property.before;
  return isFilled(value) ? valueLines(value, property.change, '', 0) : [];
}

/** Every key or element of a value as added or removed lines, depth-first in the value's own order. */
export function valueLines(value: object, change: 'added' | 'removed', path: string, depth: number): NestedChange[] {
  const side = change === 'added' ? 'after' : 'before';
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [`${path}[${i}]`, item])
    : Object.entries(value).map(([key, item]) => [path ? `${path}.${key}` : key, item]);
  return entries.flatMap(([childPath, item]) =>
    isFilled(item)
      ? [{ path: childPath, depth, change }, ...valueLines(item, change, childPath, depth + 1)]
      : [{ path: childPath, depth, change, [side]: item }],
  );
}

/** A non-empty object or array: drawn as a line with its children below it. */
function isFilled(value: unknown): value is object {
  return value !== null && typeof value === 'object' && Object.keys(value).length > 0;
}
