/* The one place where @aws-cdk/cloudformation-diff impacts become our Impact words, and how bad each one is. */
import { ResourceImpact } from '@aws-cdk/cloudformation-diff';
import { DESTRUCTIVE_IMPACTS, type Impact, type PropertyChange } from './types';

/** Library impact → our impact; every ResourceImpact has exactly one entry. */
export const IMPACT_BY_RESOURCE_IMPACT: Readonly<Record<ResourceImpact, Impact>> = {
  [ResourceImpact.WILL_CREATE]: 'create',
  [ResourceImpact.WILL_UPDATE]: 'update',
  [ResourceImpact.MAY_REPLACE]: 'may-replace',
  [ResourceImpact.WILL_REPLACE]: 'replace',
  [ResourceImpact.WILL_DESTROY]: 'destroy',
  [ResourceImpact.WILL_ORPHAN]: 'orphan',
  [ResourceImpact.WILL_IMPORT]: 'import',
  [ResourceImpact.NO_CHANGE]: 'none',
};

/** Badness of each impact, mirroring the library's `worstImpact` ranking (higher is worse). */
export const IMPACT_RANK: Readonly<Record<Impact, number>> = {
  none: 0,
  import: 0,
  update: 1,
  create: 2,
  orphan: 3,
  'may-replace': 4,
  replace: 5,
  destroy: 6,
};

type PropertyImpact = NonNullable<PropertyChange['impact']>;
const PROPERTY_IMPACTS: readonly Impact[] = ['update', 'replace', 'may-replace', 'none'];

/** Our impact for a library impact; unknown values (a newer library) count as 'update', never silently 'none'. */
export function toImpact(impact: ResourceImpact | undefined): Impact {
  return (impact && IMPACT_BY_RESOURCE_IMPACT[impact]) ?? 'update';
}

/**
 * Impact of a changed resource or property. The library says NO_CHANGE when it has no spec for the
 * type (custom resources, brand-new types), yet CloudFormation still updates what differs.
 */
export function changedImpact(impact: ResourceImpact | undefined): Impact {
  const mapped = toImpact(impact);
  return mapped === 'none' ? 'update' : mapped;
}

/** Impact of one changed property, limited to the words a property change can carry. */
export function toPropertyImpact(impact: ResourceImpact | undefined): PropertyImpact {
  const mapped = changedImpact(impact);
  return PROPERTY_IMPACTS.includes(mapped) ? (mapped as PropertyImpact) : 'update';
}

/** Whether an impact loses or recreates a resource (DESTRUCTIVE_IMPACTS). */
export function isDestructive(impact: Impact): boolean {
  return DESTRUCTIVE_IMPACTS.includes(impact);
}

/** The worse of a list of impacts by IMPACT_RANK; 'none' for an empty list. */
export function worstImpact(impacts: Iterable<Impact>): Impact {
  let worst: Impact = 'none';
  for (const impact of impacts) if (IMPACT_RANK[impact] > IMPACT_RANK[worst]) worst = impact;
  return worst;
}
