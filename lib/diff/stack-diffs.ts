/* One diff for multi-stack apps: a diff per pair of stacks, merged with each entry tagged by its stack. */
import { diffTemplates } from './template-diff';
import type { Alignment } from '../align/types';
import type { CfnTemplate } from '../templates/types';
import type { ChangeTable, PairedBy, StackPairing, TemplateDiffJson } from './types';

/** Two stacks to compare; a missing side is compared as an empty template. */
export interface StackComparison {
  from?: { name?: string; template: CfnTemplate };
  to?: { name?: string; template: CfnTemplate };
  pairedBy?: PairedBy;
  /** Alignment of `to`'s resources with `from`'s (lib/align), so renamed resources diff as one; none: by logical ID only. */
  alignment?: Alignment;
}

/** The counterpart of a stack nothing paired with: no resources or sections (its format version, which says nothing). */
function emptyLike(template?: CfnTemplate): CfnTemplate {
  return template?.AWSTemplateFormatVersion
    ? { AWSTemplateFormatVersion: template.AWSTemplateFormatVersion, Resources: {} }
    : { Resources: {} };
}

/**
 * The diff of several pairs of stacks as one TemplateDiffJson: resources and `other` entries of each pair, in pair
 * order, carry `stack` (the `to` stack's name, else the `from` one's); counts are summed; change tables gain a
 * `Stack` column after the change marker; `stacks` lists the pairs with their own counts. Inputs are not mutated.
 */
export function diffStacks(comparisons: readonly StackComparison[], labels: { from: string; to: string }): TemplateDiffJson {
  const parts = comparisons.map((c) => {
    const stack = c.to?.name ?? c.from?.name ?? labels.to;
    return {
      c,
      stack,
      diff: diffTemplates(
        c.from?.template ?? emptyLike(c.to?.template),
        c.to?.template ?? emptyLike(c.from?.template),
        labels,
        c.alignment ? { alignment: c.alignment } : {},
      ),
    };
  });
  const resources = parts.flatMap(({ stack, diff }) => diff.resources.map((r) => ({ ...r, stack })));
  const other = parts.flatMap(({ stack, diff }) => diff.other.map((o) => ({ ...o, stack })));
  const stacks: StackPairing[] = parts.map(({ c, stack, diff }) => ({
    ...(c.from?.name !== undefined ? { from: c.from.name } : {}),
    ...(c.to?.name !== undefined ? { to: c.to.name } : {}),
    ...(c.pairedBy ? { pairedBy: c.pairedBy } : {}),
    stack,
    counts: diff.counts,
  }));
  const result: TemplateDiffJson = {
    from: labels.from,
    to: labels.to,
    empty: parts.every(({ diff }) => diff.empty),
    counts: {
      added: sum(parts, (d) => d.counts.added),
      removed: sum(parts, (d) => d.counts.removed),
      updated: sum(parts, (d) => d.counts.updated),
      destructive: sum(parts, (d) => d.counts.destructive),
    },
    resources,
    other,
  };
  for (const key of ['iamStatements', 'iamManagedPolicies', 'securityGroups'] as const) {
    const table = mergeTables(parts.map(({ stack, diff }) => ({ stack, table: diff[key] })));
    if (table) result[key] = table;
  }
  if (parts.some(({ diff }) => diff.permissionsBroadened)) result.permissionsBroadened = true;
  result.stacks = stacks;
  return result;
}

function sum(parts: readonly { diff: TemplateDiffJson }[], count: (diff: TemplateDiffJson) => number): number {
  return parts.reduce((total, { diff }) => total + count(diff), 0);
}

/** The rows of every pair's table under one header, each with its stack after the change marker; undefined when none has rows. */
function mergeTables(tables: readonly { stack: string; table?: ChangeTable }[]): ChangeTable | undefined {
  const present = tables.filter((t): t is { stack: string; table: ChangeTable } => t.table !== undefined);
  if (present.length === 0) return undefined;
  const [marker, ...rest] = present[0].table.headers;
  return {
    headers: [marker, 'Stack', ...rest],
    rows: present.flatMap(({ stack, table }) =>
      table.rows.map((row) => ({ change: row.change, cells: [row.cells[0], stack, ...row.cells.slice(1)] })),
    ),
  };
}
