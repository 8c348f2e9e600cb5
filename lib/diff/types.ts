/** Plain-JSON diff between two templates (built from @aws-cdk/cloudformation-diff; no library objects inside). */
import type { AlignmentSignal } from '../align/types';

/** What deploying the change would do to a resource, worst first in DESTRUCTIVE_IMPACTS. */
export type Impact = 'create' | 'update' | 'may-replace' | 'replace' | 'destroy' | 'orphan' | 'import' | 'none';

/** Impacts that lose or recreate a resource (as cdk-diff-action treats them). */
export const DESTRUCTIVE_IMPACTS: readonly Impact[] = ['replace', 'may-replace', 'destroy', 'orphan'];

/** One line of a nested change inside an object or array value, as `cdk diff` prints them (`[+]`, `[-]`, `[~]`). */
export interface NestedChange {
  /** Path below the property: `Status`, `Rules[0].ExpirationInDays`. */
  path: string;
  /** Nesting level (0 for direct children of the property's value), for indentation. */
  depth: number;
  change: 'added' | 'removed' | 'updated';
  /** Absent on an `updated` line whose children follow (an object or array changed inside). */
  before?: unknown;
  after?: unknown;
}

/** One changed property (or other resource attribute) with values before and after. */
export interface PropertyChange {
  /** `Properties.X.Y` for properties, `Metadata`, `DependsOn`, `Type`, ... for the rest. */
  path: string;
  change: 'added' | 'removed' | 'updated';
  before?: unknown;
  after?: unknown;
  /** For properties: whether changing it updates in place or replaces the resource. */
  impact?: 'update' | 'replace' | 'may-replace' | 'none';
  /** In a diff of multi-stack apps, on `other` entries: the stack (as in ResourceChange). */
  stack?: string;
  /** For an update of an object or array: the nested changes, line by line; absent otherwise. */
  nested?: NestedChange[];
}

/** One resource that differs between the two templates. */
export interface ResourceChange {
  logicalId: string;
  /** Resource type (the new one when it changed). */
  type: string;
  change: 'added' | 'removed' | 'updated';
  impact: Impact;
  destructive: boolean;
  /** Property-level changes; for added/removed resources, every property as added/removed. */
  properties: PropertyChange[];
  /** In a diff of multi-stack apps: the stack of the resource, the `to` side's name, else the `from` side's (see `stacks`). */
  stack?: string;
  /** When the model (`to` side) names this resource otherwise (an aligned pair, see lib/align): its logical ID there; `logicalId` is the reference's. */
  modelLogicalId?: string;
  /** For an aligned pair under two IDs: what paired them, the pair's score (0..1) and the evidence. */
  pairedBy?: AlignmentSignal[];
  pairScore?: number;
  pairEvidence?: string[];
}

/** A table as shown by the CDK CLI: header cells and rows, each row tagged as added or removed. */
export interface ChangeTable {
  headers: string[];
  rows: { change: 'added' | 'removed'; cells: string[] }[];
}

/** Why two stacks were compared: the same name (environment suffix and hash aside), shared resources, or the last one left on each side. */
export type PairedBy = 'name' | 'resources' | 'only';

/** Two stacks compared in a multi-stack diff; a stack nothing paired with is compared with an empty template. */
export interface StackPairing {
  /** The `from` side's stack name; absent when no stack paired (or it is a single unnamed template). */
  from?: string;
  to?: string;
  /** Absent when one side has no stack here. */
  pairedBy?: PairedBy;
  /** The key resource changes and `other` entries of this pair carry as `stack`. */
  stack: string;
  counts: TemplateDiffJson['counts'];
}

/** The whole diff, `from` (old) to `to` (new). */
export interface TemplateDiffJson {
  from: string;
  to: string;
  empty: boolean;
  counts: { added: number; removed: number; updated: number; destructive: number };
  resources: ResourceChange[];
  /** IAM statement changes and managed-policy changes; undefined when there are none. */
  iamStatements?: ChangeTable;
  iamManagedPolicies?: ChangeTable;
  /** Security group rule changes; undefined when there are none. */
  securityGroups?: ChangeTable;
  /** Changes outside Resources (Parameters, Outputs, Conditions, Mappings, Metadata, ...). */
  other: PropertyChange[];
  /** True when IAM statements or security group rules gain permissions (the CDK CLI's "broadening"); absent otherwise. */
  permissionsBroadened?: true;
  /** Multi-stack apps: the stacks compared, one diff per pair merged into this one (tables gain a `Stack` column); absent for one template each. */
  stacks?: StackPairing[];
}
