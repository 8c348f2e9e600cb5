/* Converts the library's ResourceDifference into a plain ResourceChange (no library objects inside). */
import { deepEqual, type ResourceDifference } from '@aws-cdk/cloudformation-diff';
import { nestedChanges } from './nested';
import { changedImpact, isDestructive, toImpact, toPropertyImpact } from './impact';
import type { PropertyChange, ResourceChange } from './types';

type Json = Record<string, unknown>;

/** Order of change groups in TemplateDiffJson.resources: existing resources first, then removed, then added. */
export const RESOURCE_CHANGE_ORDER: Readonly<Record<ResourceChange['change'], number>> = { updated: 0, removed: 1, added: 2 };

/** Orders resource changes by RESOURCE_CHANGE_ORDER, then logical id (code-point order, locale-independent). */
export function compareResourceChanges(a: ResourceChange, b: ResourceChange): number {
  return RESOURCE_CHANGE_ORDER[a.change] - RESOURCE_CHANGE_ORDER[b.change] || compareText(a.logicalId, b.logicalId);
}

/** A plain ResourceChange for one differing resource; properties ordered `Properties.*` first, then attributes, each by name. */
export function toResourceChange(logicalId: string, difference: ResourceDifference): ResourceChange {
  const oldResource = difference.oldValue as Json | undefined;
  const newResource = difference.newValue as Json | undefined;
  // Fn::ForEach entries are arrays; the library gives them the virtual type `Fn::ForEach`.
  const type = difference.newResourceType ?? difference.oldResourceType ?? 'unknown';
  if (!oldResource || !newResource) {
    const change = newResource ? 'added' : 'removed';
    const impact = toImpact(difference.changeImpact);
    const resource = (newResource ?? oldResource) as Json;
    return { logicalId, type, change, impact, destructive: isDestructive(impact), properties: wholeResource(resource, change) };
  }
  const impact = changedImpact(difference.changeImpact);
  const properties = difference.resourceTypeChanged
    ? typeChange(oldResource, newResource)
    : [...propertyUpdates(difference), ...attributeUpdates(difference)];
  return { logicalId, type, change: 'updated', impact, destructive: isDestructive(impact), properties };
}

/** Every property and attribute of an added or removed resource, as added or removed (a ForEach body as `Value`). */
function wholeResource(resource: Json, change: 'added' | 'removed'): PropertyChange[] {
  const side = change === 'added' ? 'after' : 'before';
  if (Array.isArray(resource)) return [{ path: 'Value', change, [side]: resource }];
  const properties = (resource.Properties ?? {}) as Json;
  const fromProperties = sortedKeys(properties).map((key) => ({ path: `Properties.${key}`, change, [side]: properties[key] }));
  const attributes = sortedKeys(resource)
    .filter((key) => key !== 'Properties' && key !== 'Type')
    .map((key) => ({ path: key, change, [side]: resource[key] }));
  return [...fromProperties, ...attributes];
}

/** Property-level updates with the library's per-property replacement impact. */
function propertyUpdates(difference: ResourceDifference): PropertyChange[] {
  const updates = difference.propertyUpdates;
  return sortedKeys(updates).map((key) => ({
    ...valueChange(`Properties.${key}`, updates[key].oldValue, updates[key].newValue),
    impact: toPropertyImpact(updates[key].changeImpact),
  }));
}

/** Non-property attribute updates (Metadata, DependsOn, DeletionPolicy, Condition, ...). */
function attributeUpdates(difference: ResourceDifference): PropertyChange[] {
  const updates = difference.otherChanges;
  return sortedKeys(updates).map((key) => valueChange(key, updates[key].oldValue, updates[key].newValue));
}

/** The library does not diff properties across a type change, so compare them here: all replace. */
function typeChange(oldResource: Json, newResource: Json): PropertyChange[] {
  const changes: PropertyChange[] = [
    { path: 'Type', change: 'updated', before: oldResource.Type, after: newResource.Type, impact: 'replace' },
  ];
  for (const section of ['Properties', null] as const) {
    const before = (section ? (oldResource[section] ?? {}) : oldResource) as Json;
    const after = (section ? (newResource[section] ?? {}) : newResource) as Json;
    for (const key of sortedKeys({ ...before, ...after })) {
      if (!section && (key === 'Type' || key === 'Properties')) continue;
      if (deepEqual(before[key], after[key])) continue;
      changes.push({
        ...valueChange(section ? `${section}.${key}` : key, before[key], after[key]),
        ...(section ? { impact: 'replace' as const } : {}),
      });
    }
  }
  return changes;
}

/** A PropertyChange without undefined keys, so that it survives a JSON round trip unchanged; an updated object or array carries its nested changes. */
export function valueChange(path: string, before: unknown, after: unknown): PropertyChange {
  if (before === undefined) return { path, change: 'added', after };
  if (after === undefined) return { path, change: 'removed', before };
  const nested = nestedChanges(before, after);
  return nested.length > 0 ? { path, change: 'updated', before, after, nested } : { path, change: 'updated', before, after };
}

function sortedKeys(record: object): string[] {
  return Object.keys(record).sort(compareText);
}

/** Code-point comparison, so ordering does not depend on the process locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
