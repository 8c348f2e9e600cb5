/* Slices of a TemplateDiffJson: the changes behind a finding, and an overall impact summary. */
import { IMPACT_RANK, worstImpact } from './impact';
import type { Impact, ResourceChange, TemplateDiffJson } from './types';

/** How bad deploying a diff would be, at a glance. */
export interface ImpactSummary {
  /** The worst impact of any resource change ('none' when nothing changes). */
  worst: Impact;
  /** Number of resource changes per impact; impacts that do not occur are absent. */
  byImpact: Partial<Record<Impact, number>>;
  /** Logical ids of destructive changes, worst impact first, then by logical id. */
  destructive: string[];
}

/**
 * The resource changes for the given logical ids (a `from` side ID, or the `to` side's `modelLogicalId` of an aligned
 * pair), in the diff's own order; unknown ids are ignored. With `stack` (the name of a stack on the `from` or `to` side
 * of a multi-stack diff), only the changes of the pair that stack is in.
 */
export function diffForResources(
  diff: TemplateDiffJson,
  logicalIds: readonly string[],
  stack?: { side: 'from' | 'to'; name: string },
): ResourceChange[] {
  const wanted = new Set(logicalIds);
  const pairKey = stack && diff.stacks?.find((pair) => pair[stack.side] === stack.name)?.stack;
  return diff.resources.filter(
    (change) =>
      (wanted.has(change.logicalId) || wanted.has(change.modelLogicalId ?? '')) && (!stack || !diff.stacks || change.stack === pairKey),
  );
}

/** The resource changes whose type (old or new, for a type change) is one of `types`, in the diff's own order. */
export function diffForTypes(diff: TemplateDiffJson, types: readonly string[]): ResourceChange[] {
  const wanted = new Set(types);
  return diff.resources.filter((change) => wanted.has(change.type) || wanted.has(previousType(change) ?? ''));
}

/** Worst impact, per-impact counts and destructive resources of a diff. */
export function summarizeImpact(diff: TemplateDiffJson): ImpactSummary {
  const byImpact: Partial<Record<Impact, number>> = {};
  for (const change of diff.resources) byImpact[change.impact] = (byImpact[change.impact] ?? 0) + 1;
  const destructive = diff.resources
    .filter((change) => change.destructive)
    .sort((a, b) => IMPACT_RANK[b.impact] - IMPACT_RANK[a.impact] || (a.logicalId < b.logicalId ? -1 : 1))
    .map((change) => change.logicalId);
  return { worst: worstImpact(diff.resources.map((change) => change.impact)), byImpact, destructive };
}

/** The old type when a resource's type changed (recorded as a `Type` entry). */
function previousType(change: ResourceChange): string | undefined {
  const typeChange = change.properties.find((property) => property.path === 'Type');
  return typeof typeChange?.before === 'string' ? typeChange.before : undefined;
}
