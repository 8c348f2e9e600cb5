import type { ResourceChange, TemplateDiffJson } from '../diff/types';
import type { DeployPreview } from './types';

/** What CloudFormation does to a resource, in the console's words. */
export type ChangeAction = 'Add' | 'Modify' | 'Remove' | 'Import' | 'Dynamic';

/** One row of a change-set preview, as the CloudFormation console lists it, plus why it needs approval. */
export interface ChangeSetRow {
  action: ChangeAction;
  logicalId: string;
  type: string;
  /** `True`/`False`/`Conditional` for a modification; null for an addition or removal (nothing to replace). */
  replacement: 'True' | 'False' | 'Conditional' | null;
  /** The approval policy's reasons that this resource triggers (empty when it triggers none). */
  approvalReasons: string[];
}

/** How many resources a deploy adds, modifies (of which replaces) and removes. */
export interface ChangeSummary {
  add: number;
  modify: number;
  replace: number;
  remove: number;
}

const ACTION_OF_DIFF: Readonly<Record<ResourceChange['change'], ChangeAction>> = {
  added: 'Add',
  updated: 'Modify',
  removed: 'Remove',
};

const PERMISSION_TYPES = /^AWS::(IAM::|EC2::SecurityGroup)|::(Bucket|Queue|Topic)?Policy$/;

/**
 * The preview's rows: the change set's own changes (CloudFormation's replacement when it states one, else the diff's
 * impact) followed by resources only the diff sees; each with the approval reasons it triggers under the policy.
 */
export function changeSetRowsOf(preview: Pick<DeployPreview, 'changes' | 'diff' | 'approval'>): ChangeSetRow[] {
  const byId = new Map(preview.diff.resources.map((resource) => [resource.logicalId, resource]));
  const listed = new Set<string>();
  const rows: ChangeSetRow[] = [];
  for (const change of preview.changes) {
    const resource = byId.get(change.logicalId);
    // moto lists a Modify for resources it only re-reads; without a diff entry there is nothing to change.
    if (change.action === 'Modify' && !resource && !change.replacement) continue;
    listed.add(change.logicalId);
    const action = isChangeAction(change.action) ? change.action : 'Modify';
    rows.push(rowOf(action, change.logicalId, change.type || resource?.type || '', change.replacement, resource, preview));
  }
  for (const resource of preview.diff.resources) {
    if (listed.has(resource.logicalId)) continue;
    rows.push(rowOf(ACTION_OF_DIFF[resource.change], resource.logicalId, resource.type, undefined, resource, preview));
  }
  return rows;
}

/** Counts of a preview's rows by action; `replace` counts modifications that replace (surely or possibly). */
export function summarizeChangeRows(rows: readonly ChangeSetRow[]): ChangeSummary {
  return {
    add: rows.filter((row) => row.action === 'Add').length,
    modify: rows.filter((row) => row.action === 'Modify').length,
    replace: rows.filter((row) => row.replacement === 'True' || row.replacement === 'Conditional').length,
    remove: rows.filter((row) => row.action === 'Remove').length,
  };
}

/** "A deploy would add 2 resources, update 1, remove 0" for a diff from the deployed template to the reference. */
export function deployWouldSentence(counts: TemplateDiffJson['counts']): string {
  const resources = counts.added === 1 ? 'resource' : 'resources';
  return `A deploy would add ${counts.added} ${resources}, update ${counts.updated}, remove ${counts.removed}`;
}

function rowOf(
  action: ChangeAction,
  logicalId: string,
  type: string,
  stated: string | undefined,
  resource: ResourceChange | undefined,
  preview: Pick<DeployPreview, 'diff' | 'approval'>,
): ChangeSetRow {
  const replacement = action === 'Modify' ? replacementOf(stated, resource) : null;
  return { action, logicalId, type, replacement, approvalReasons: reasonsOf(action, replacement, type, preview) };
}

function replacementOf(stated: string | undefined, resource: ResourceChange | undefined): ChangeSetRow['replacement'] {
  if (stated === 'True' || stated === 'False' || stated === 'Conditional') return stated;
  if (resource?.impact === 'replace') return 'True';
  if (resource?.impact === 'may-replace') return 'Conditional';
  return 'False';
}

/** The policy's reasons that name this resource; none when the policy asks for nothing. */
function reasonsOf(
  action: ChangeAction,
  replacement: ChangeSetRow['replacement'],
  type: string,
  { diff, approval }: Pick<DeployPreview, 'diff' | 'approval'>,
): string[] {
  if (!approval.required) return [];
  const reasons: string[] = [];
  if (replacement === 'True') reasons.push('replaced');
  if (replacement === 'Conditional') reasons.push('may be replaced');
  if (action === 'Remove') reasons.push('removed');
  if (diff.permissionsBroadened && PERMISSION_TYPES.test(type)) reasons.push('permissions broadened');
  if (approval.policy === 'any-change' && reasons.length === 0) reasons.push('any change (policy)');
  return reasons;
}

function isChangeAction(action: string): action is ChangeAction {
  return ['Add', 'Modify', 'Remove', 'Import', 'Dynamic'].includes(action);
}
