import type { CfnResource, CfnTemplate, CfnValue } from './types';

const ALL_TYPES = Symbol('all');
const typeIndexes = new WeakMap<object, Map<unknown, [string, CfnResource][]>>();

/**
 * `[logicalId, resource]` pairs of a template whose Type equals `type` (all when omitted), in template order; a new
 * array on each call. Frozen templates (every loaded one) are indexed by type once, so rules that look up a type per
 * resource stay linear; an unfrozen Resources map may change between calls and is filtered each time.
 */
export function resourcesOfType(template: CfnTemplate, type?: string): [string, CfnResource][] {
  const resources = template.Resources ?? {};
  // Looked up before isFrozen, which visits every property of a large (dictionary-mode) object; frozen stays frozen.
  let index = typeIndexes.get(resources);
  if (!index) {
    if (!Object.isFrozen(resources)) return Object.entries(resources).filter(([, r]) => !type || r?.Type === type);
    index = new Map<unknown, [string, CfnResource][]>([[ALL_TYPES, []]]);
    for (const entry of Object.entries(resources)) {
      index.get(ALL_TYPES)!.push(entry);
      const ofType = index.get(entry[1]?.Type);
      if (ofType) ofType.push(entry);
      else index.set(entry[1]?.Type, [entry]);
    }
    typeIndexes.set(resources, index);
  }
  return [...(index.get(type || ALL_TYPES) ?? [])];
}

/** Logical IDs a value references through Ref, Fn::GetAtt or Fn::Sub (pseudo parameters excluded). */
export function referencedIds(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencedIds(item, into);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'Ref' && typeof child === 'string') addId(into, child);
      else if (key === 'Fn::GetAtt') addId(into, getAttTarget(child));
      else if (key === 'Fn::Sub') {
        const text = Array.isArray(child) ? child[0] : child;
        if (typeof text === 'string') for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) addId(into, m[1].split('.')[0]);
        if (Array.isArray(child)) referencedIds(child[1], into);
      }
      referencedIds(child, into);
    }
  }
  return into;
}

function addId(into: Set<string>, id: string | undefined): void {
  if (id && !id.startsWith('AWS::')) into.add(id);
}

function getAttTarget(value: unknown): string | undefined {
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  if (typeof value === 'string') return value.split('.')[0];
  return undefined;
}

/** Whether `value` references the resource `logicalId` anywhere inside it. */
export function refersTo(value: unknown, logicalId: string): boolean {
  return referencedIds(value).has(logicalId);
}

/** Value at a dotted path (`Properties.VpcConfig.SubnetIds`), or undefined. */
export function getPath(value: unknown, path: string): CfnValue | undefined {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current as CfnValue | undefined;
}

/** Every string literal inside a value with its dotted path (array indexes included). */
export function stringLiterals(value: unknown, path = ''): { path: string; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (!value || typeof value !== 'object') return [];
  const out: { path: string; value: string }[] = [];
  for (const [key, child] of Object.entries(value)) out.push(...stringLiterals(child, path ? `${path}.${key}` : key));
  return out;
}

/** A value as a list: arrays as they are, a single value as a one-item list, nothing as empty. */
export function asList<T>(value: T | readonly T[] | undefined | null): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...value] : [value as T];
}

/** Logical IDs of resources of `type` that `value` references. */
export function referencedOfType(template: CfnTemplate, value: unknown, type: string): string[] {
  return [...referencedIds(value)].filter((id) => template.Resources[id]?.Type === type);
}
