/* Where a template points at a resource: the paths of the settings that reference it, and the role that gives it. */
import { referencedIds } from '../templates/query';
import type { CfnTemplate } from '../templates/types';
import type { ResourceRole } from './knowledge';

/** One setting of a resource that references another: the resource, the dotted path and the value found there. */
export interface ReferenceSite {
  resource: string;
  path: string;
  value: unknown;
}

/** Every setting of `template` (its resources' properties) whose value references `target`, at the intrinsic that does; in template order. */
export function sitesReferencing(template: CfnTemplate, target: string): ReferenceSite[] {
  const sites: ReferenceSite[] = [];
  for (const id of referrersOf(template).get(target) ?? []) {
    collect(template.Resources[id].Properties, 'Properties', target, (path, value) => sites.push({ resource: id, path, value }));
  }
  return sites;
}

const referenceIndex = new WeakMap<CfnTemplate, Map<string, Set<string>>>();
const referrerIndex = new WeakMap<CfnTemplate, Map<string, Set<string>>>();

/** Logical ID → what its properties reference, computed once per template object (templates are frozen). */
export function referencesByResource(template: CfnTemplate): Map<string, Set<string>> {
  let index = referenceIndex.get(template);
  if (!index) {
    index = new Map(Object.entries(template.Resources ?? {}).map(([id, resource]) => [id, referencedIds(resource?.Properties ?? {})]));
    referenceIndex.set(template, index);
  }
  return index;
}

/**
 * Logical ID → the other resources whose properties reference it, in template order; the reverse of
 * referencesByResource, computed once per template object, so finding who points at a resource is no scan of them all.
 */
export function referrersOf(template: CfnTemplate): Map<string, Set<string>> {
  let index = referrerIndex.get(template);
  if (!index) {
    index = new Map();
    for (const [id, targets] of referencesByResource(template)) {
      for (const target of targets) {
        if (target === id) continue;
        const users = index.get(target);
        if (users) users.add(id);
        else index.set(target, new Set([id]));
      }
    }
    referrerIndex.set(template, index);
  }
  return index;
}

function collect(value: unknown, path: string, target: string, found: (path: string, value: unknown) => void): void {
  if (!value || typeof value !== 'object') return;
  if (!Array.isArray(value) && Object.keys(value).some((key) => key === 'Ref' || key.startsWith('Fn::'))) {
    if (referencedIds(value).has(target)) found(path, value);
    return;
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) collect(child, `${path}.${key}`, target, found);
}

// Settings that make their target a dead-letter queue, as dotted paths below Properties, lower-cased.
const DLQ_PATHS = [
  /^properties\.redrivepolicy\.deadlettertargetarn$/,
  /^properties\.deadletterconfig\.targetarn$/,
  /\.onfailure\.destination$/,
];

/** The role a resource plays for the settings that reference it (a queue that is a DLQ), or its own (an alias with provisioned concurrency). */
export function resourceRoleOf(template: CfnTemplate, id: string, sites: readonly ReferenceSite[]): ResourceRole | undefined {
  const resource = template.Resources[id];
  if (sites.some((site) => DLQ_PATHS.some((pattern) => pattern.test(site.path.toLowerCase())))) return 'dead-letter queue';
  if (resource?.Properties?.ProvisionedConcurrencyConfig) return 'provisioned concurrency';
  if (resource?.Properties?.SourceDBInstanceIdentifier || resource?.Properties?.ReplicationSourceIdentifier) return 'read replica';
  return undefined;
}

/** Whether a value references any of `ids`. */
export function referencesAny(value: unknown, ids: ReadonlySet<string>): boolean {
  if (ids.size === 0) return false;
  for (const id of referencedIds(value)) if (ids.has(id)) return true;
  return false;
}
