/* Nested structural changes between two JSON values, one line per changed leaf or element, as `cdk diff` prints them. */
import { deepEqual } from '@aws-cdk/cloudformation-diff';
import type { NestedChange } from './types';

/**
 * The changes from `before` to `after` inside an object or array, depth-first in key order: keys added or removed,
 * leaves updated, and array elements added or removed by value (elements at the same index of equally long arrays are
 * compared in place). Empty when either value is not an object or array, or when they are equal.
 */
export function nestedChanges(before: unknown, after: unknown): NestedChange[] {
  if (!isContainer(before) || !isContainer(after) || Array.isArray(before) !== Array.isArray(after)) return [];
  const changes: NestedChange[] = [];
  walk(before, after, '', 0, changes);
  return changes;
}

function walk(before: unknown, after: unknown, path: string, depth: number, into: NestedChange[]): void {
  if (deepEqual(before, after)) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    walkArray(before, after, path, depth, into);
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      const childPath = path ? `${path}.${key}` : key;
      if (!(key in before)) into.push({ path: childPath, depth, change: 'added', after: after[key] });
      else if (!(key in after)) into.push({ path: childPath, depth, change: 'removed', before: before[key] });
      else if (isContainer(before[key]) && isContainer(after[key]) && Array.isArray(before[key]) === Array.isArray(after[key])) {
        if (!deepEqual(before[key], after[key])) {
          into.push({ path: childPath, depth, change: 'updated' });
          walk(before[key], after[key], childPath, depth + 1, into);
        }
      } else if (!deepEqual(before[key], after[key])) {
        into.push({ path: childPath, depth, change: 'updated', before: before[key], after: after[key] });
      }
    }
    return;
  }
  into.push({ path, depth, change: 'updated', before, after });
}

function walkArray(before: unknown[], after: unknown[], path: string, depth: number, into: NestedChange[]): void {
  if (before.length === after.length) {
    before.forEach((item, i) => {
      if (deepEqual(item, after[i])) return;
      const childPath = `${path}[${i}]`;
      if (isContainer(item) && isContainer(after[i]) && Array.isArray(item) === Array.isArray(after[i])) {
        into.push({ path: childPath, depth, change: 'updated' });
        walk(item, after[i], childPath, depth + 1, into);
      } else into.push({ path: childPath, depth, change: 'updated', before: item, after: after[i] });
    });
    return;
  }
  before.forEach((item, i) => {
    if (!after.some((other) => deepEqual(other, item))) into.push({ path: `${path}[${i}]`, depth, change: 'removed', before: item });
  });
  after.forEach((item, i) => {
    if (!before.some((other) => deepEqual(other, item))) into.push({ path: `${path}[${i}]`, depth, change: 'added', after: item });
  });
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return isContainer(value) && !Array.isArray(value);
}
