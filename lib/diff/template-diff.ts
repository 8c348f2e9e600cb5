/* Diffs two CloudFormation templates with @aws-cdk/cloudformation-diff and returns plain JSON (TemplateDiffJson). */
import { fullDiff, type DescribeChangeSetOutput, type TemplateDiff } from '@aws-cdk/cloudformation-diff';
import type { Alignment, ResourcePair } from '../align/types';
import type { CfnTemplate } from '../templates/types';
import { installLinearDifferenceCollections } from './linear-collections';
import { compareResourceChanges, compareText, toResourceChange, valueChange } from './resource-changes';
import { renameToReference } from './rename';
import { toChangeTable } from './tables';
import type { PropertyChange, ResourceChange, TemplateDiffJson } from './types';

/**
 * Options: `changeSet` is a DescribeChangeSet output to merge into fullDiff (none by default: no network here);
 * `alignment` (of `to` with `from`, see lib/align) renames `to`'s paired resources to their `from` IDs first.
 */
export interface DiffOptions {
  changeSet?: unknown;
  alignment?: Alignment;
}

// `other` follows the order of sections in a template; unknown top-level keys come last.
const TOP_LEVEL_ATTRIBUTES = [
  ['awsTemplateFormatVersion', 'AWSTemplateFormatVersion'],
  ['description', 'Description'],
  ['transform', 'Transform'],
] as const;
const SECTIONS = [
  ['metadata', 'Metadata'],
  ['parameters', 'Parameters'],
  ['mappings', 'Mappings'],
  ['conditions', 'Conditions'],
  ['outputs', 'Outputs'],
] as const;

installLinearDifferenceCollections();

/**
 * The plain-JSON diff from `from` (old) to `to` (new). Never mutates its inputs (frozen templates are fine);
 * the result holds only JSON values. Resources are ordered updated, removed, added, each by logical id;
 * within a resource, `Properties.*` come first, then other attributes, each by name.
 */
export function diffTemplates(
  from: CfnTemplate,
  to: CfnTemplate,
  labels: { from: string; to: string } = { from: 'from', to: 'to' },
  options: DiffOptions = {},
): TemplateDiffJson {
  // fullDiff normalizes (rewrites) what it gets; this library version copies first, but we do not rely on that.
  const fromCopy: Record<string, unknown> = structuredClone({ ...from });
  // A resource renamed in `to` is compared with its counterpart as one resource: the rename happens on a copy.
  const aligned = options.alignment ? renameToReference(to, options.alignment) : undefined;
  const toCopy: Record<string, unknown> = structuredClone({ ...(aligned?.template ?? to) });
  const diff = fullDiff(fromCopy, toCopy, options.changeSet as DescribeChangeSetOutput | undefined);

  const resources: ResourceChange[] = [];
  diff.resources.forEachDifference((logicalId, difference) =>
    resources.push(withPairing(toResourceChange(logicalId, difference), aligned?.renamed.get(logicalId))),
  );
  resources.sort(compareResourceChanges);

  const other = otherChanges(diff, fromCopy, toCopy);
  const result: TemplateDiffJson = {
    from: labels.from,
    to: labels.to,
    empty: resources.length === 0 && other.length === 0,
    counts: {
      added: resources.filter((r) => r.change === 'added').length,
      removed: resources.filter((r) => r.change === 'removed').length,
      updated: resources.filter((r) => r.change === 'updated').length,
      destructive: resources.filter((r) => r.destructive).length,
    },
    resources,
    other,
  };
  const iamStatements = toChangeTable(diff.iamChanges.summarizeStatements());
  const iamManagedPolicies = toChangeTable(diff.iamChanges.summarizeManagedPolicies());
  const securityGroups = toChangeTable(diff.securityGroupChanges.summarize());
  // Only set when present, so the result is identical after a JSON round trip.
  if (iamStatements) result.iamStatements = iamStatements;
  if (iamManagedPolicies) result.iamManagedPolicies = iamManagedPolicies;
  if (securityGroups) result.securityGroups = securityGroups;
  if (diff.permissionsBroadened) result.permissionsBroadened = true;
  return result;
}

/** The change with the model's own logical ID and why the pair was made, when the model names the resource otherwise. */
function withPairing(change: ResourceChange, pair: ResourcePair | undefined): ResourceChange {
  if (!pair) return change;
  return { ...change, modelLogicalId: pair.model, pairedBy: pair.signals, pairScore: pair.score, pairEvidence: pair.evidence };
}

/** Changes outside Resources, with paths like `Outputs.ApiUrl` or `Description`. */
function otherChanges(diff: TemplateDiff, fromCopy: Record<string, unknown>, toCopy: Record<string, unknown>): PropertyChange[] {
  const changes: PropertyChange[] = [];
  for (const [field, key] of TOP_LEVEL_ATTRIBUTES) {
    // The library stringifies these (a Transform list becomes a JSON string); report the template's own values.
    if (diff[field]?.isDifferent) changes.push(valueChange(key, fromCopy[key], toCopy[key]));
  }
  for (const [field, key] of SECTIONS) {
    const collection = diff[field];
    for (const name of collection.logicalIds.sort(compareText)) {
      const difference = collection.get(name);
      changes.push(valueChange(`${key}.${name}`, difference.oldValue, difference.newValue));
    }
  }
  for (const key of diff.unknown.logicalIds.sort(compareText)) {
    changes.push(valueChange(key, fromCopy[key], toCopy[key]));
  }
  return changes;
}
