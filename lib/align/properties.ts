/* Resource properties for alignment: flattened leaf paths with values, references reduced to their kind, names to their literal parts. */
import type { CfnResource, CfnValue } from '../templates/types';

/** Leaf path → canonical value of a resource's Properties. */
export type PropertyLeaves = Map<string, string>;

/** Flattened Properties: `Tags.0.Key` → `"env"`; Ref/GetAtt become their kind (the graph compares targets), `*Name` properties their literal text. */
export function propertyLeaves(resource: CfnResource): PropertyLeaves {
  const leaves: PropertyLeaves = new Map();
  for (const [key, value] of Object.entries(resource.Properties ?? {})) {
    if (key.endsWith('Name') && value !== null && typeof value === 'object') leaves.set(key, JSON.stringify(literalText(value)));
    else flatten(value, key, leaves);
  }
  return leaves;
}

/** Share of property paths (union of both sides) whose values are equal, with the counts for evidence. */
export function propertySimilarity(a: PropertyLeaves, b: PropertyLeaves): { score: number; equal: number; total: number } {
  let equal = 0;
  for (const [path, value] of a) if (b.get(path) === value) equal++;
  const total = a.size + b.size - countSharedPaths(a, b);
  return { score: total === 0 ? 0 : equal / total, equal, total };
}

function countSharedPaths(a: PropertyLeaves, b: PropertyLeaves): number {
  let shared = 0;
  for (const path of a.keys()) if (b.has(path)) shared++;
  return shared;
}

function flatten(value: CfnValue, path: string, leaves: PropertyLeaves): void {
  if (value === null || typeof value !== 'object') {
    leaves.set(path, JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => flatten(item, `${path}.${i}`, leaves));
    return;
  }
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Fn::GetAtt')) {
    leaves.set(path, keys[0] === 'Ref' ? 'ref' : `getatt:${attributeOf(value['Fn::GetAtt'])}`);
    return;
  }
  if (keys.length === 1 && keys[0] === 'Fn::Sub') {
    leaves.set(path, `sub:${literalText(value)}`);
    return;
  }
  for (const key of keys) flatten(value[key], `${path}.${key}`, leaves);
}

function attributeOf(getAtt: CfnValue): string {
  if (Array.isArray(getAtt)) return String(getAtt[1] ?? '');
  return typeof getAtt === 'string' ? getAtt.slice(getAtt.indexOf('.') + 1) : '';
}

/** The literal parts of a name built with Join/Sub/Ref (`!Sub data-${Env}` and `!Join ['', [data-, !Ref Env]]` both give `data-`). */
function literalText(value: CfnValue): string {
  if (typeof value === 'string') return value.replace(/\$\{[^}]*\}/g, '');
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(literalText).join('');
  if ('Ref' in value || 'Fn::GetAtt' in value) return '';
  if ('Fn::Join' in value && Array.isArray(value['Fn::Join'])) {
    const [, parts] = value['Fn::Join'];
    return Array.isArray(parts) ? parts.map(literalText).join('') : '';
  }
  if ('Fn::Sub' in value) {
    const sub = value['Fn::Sub'];
    return literalText(Array.isArray(sub) ? (sub[0] ?? '') : sub);
  }
  return Object.values(value).map(literalText).join('');
}
