import { getAppSettings } from '../admin/settings';
import { createChangeSet, deleteChangeSet, settleChangeSet, type SettledChangeSet } from '../aws/changesets';
import { describeStack, getDeployedTemplate } from '../aws/cloudformation';
import { deleteAbandonedReviewStack } from '../aws/review-stack';
import { getDeployRow, touchDeployWorker, transitionDeploy, type DeployRow } from '../db/queries/deploys';
import { diffTemplates } from '../diff/template-diff';
import type { CfnTemplate } from '../templates/types';
import { decideApproval } from './approval';
import { executeAndWatch, outcomeOf } from './execution';
import { finishDeploy } from './finish';
import { announceDeploy } from './records';
import type { DeployContext, DeployPreview } from './types';

/**
 * Takes a deploy from wherever it stands to its next resting state: the change set created, settled and previewed
 * (then executed at once when the approval policy allows), or, once executing, watched until CloudFormation is done.
 * Never throws: a failure is recorded on the deploy, its change set cleaned up and the lock released.
 */
export async function driveDeploy(id: string, ctx: DeployContext): Promise<void> {
  try {
    let row = await requireRow(ctx, id);
    if (row.status === 'creating_change_set') row = await prepareChangeSet(row, ctx);
    if (row.status === 'executing') await executeAndWatch(row, ctx);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Where CloudFormation left the stack after the rejection (unknown when it cannot be reached either).
    const stack = await describeStack(ctx.target).catch(() => undefined);
    const outcome = stack?.exists ? outcomeOf(stack.status, stack.reason, []) : undefined;
    await finishDeploy(ctx, id, 'failed', { message, ...(outcome ? { outcome } : {}) }).catch((e) =>
      console.error(`recording deploy ${id}'s failure failed`, e),
    );
  }
}

/** The change set's name for a deploy: deterministic, so a restarted instance finds the one it created. */
export function changeSetNameOf(deployId: string): string {
  return `infra-review-${deployId}`;
}

async function prepareChangeSet(row: DeployRow, ctx: DeployContext): Promise<DeployRow> {
  await touchDeployWorker({ id: row.id, instance: ctx.instanceId }, ctx.handle.db);
  const stack = await describeStack(ctx.target);
  if (stack.exists && stack.status.endsWith('_IN_PROGRESS') && stack.status !== 'REVIEW_IN_PROGRESS') {
    throw new Error(
      `CloudFormation reports ${ctx.target.stackName} as ${stack.status}: another operation is running; deploy again when it ends`,
    );
  }
  // A cancelled or rejected first deploy leaves an empty REVIEW_IN_PROGRESS shell, on which moto executes a new CREATE
  // change set into nothing, failing every later deploy: start from no stack. Not once our own change set exists.
  if (!row.change_set_id && stack.exists && stack.status === 'REVIEW_IN_PROGRESS') await deleteAbandonedReviewStack(ctx.target);
  const type = !stack.exists || stack.status === 'REVIEW_IN_PROGRESS' ? 'CREATE' : 'UPDATE';
  const deployed: CfnTemplate = type === 'UPDATE' ? (await getDeployedTemplate(ctx.target)).template : { Resources: {} };
  let changeSetId = row.change_set_id;
  if (!changeSetId) {
    const created = await createChangeSet(ctx.target, {
      name: changeSetNameOf(row.id),
      type,
      templateBody: row.template_body,
      clientToken: row.id,
      description: `infra-review deploy ${row.id} by ${row.requested_by_label}`,
    });
    changeSetId = created.id;
    await transitionDeploy(
      { id: row.id, from: ['creating_change_set'], values: { change_set_id: changeSetId, change_set_type: type } },
      ctx.handle.db,
    );
  }
  const settled = await settleChangeSet(ctx.target, changeSetId, { pollMs: ctx.pollMs });
  if (settled.noChanges || settled.status === 'FAILED') {
    await deleteChangeSet(ctx.target, changeSetId).catch(() => undefined);
    if (settled.noChanges) {
      await finishDeploy(ctx, row.id, 'no_changes', { message: 'No changes: the deployed stack already matches the reference' });
    } else {
      await finishDeploy(ctx, row.id, 'failed', { message: `CloudFormation rejected the change set: ${settled.reason ?? settled.status}` });
    }
    return requireRow(ctx, row.id);
  }
  const preview = buildPreview(
    type,
    deployed,
    JSON.parse(row.template_body) as CfnTemplate,
    settled,
    (await getAppSettings(ctx.handle.db)).deployApprovalPolicy,
  );
  const next = preview.approval.required || row.execution === 'confirm' ? 'awaiting_confirmation' : 'executing';
  const moved = await transitionDeploy(
    {
      id: row.id,
      from: ['creating_change_set'],
      values: {
        status: next,
        change_set_id: changeSetId,
        change_set_type: type,
        preview_json: JSON.stringify(preview),
      },
    },
    ctx.handle.db,
  );
  const updated = await requireRow(ctx, row.id);
  if (moved) await announceDeploy(updated, ctx.handle);
  return updated;
}

/** The preview of a settled change set: our diff of the templates, merged with the change set where it has details. */
export function buildPreview(
  type: 'CREATE' | 'UPDATE',
  deployed: CfnTemplate,
  reference: CfnTemplate,
  settled: SettledChangeSet,
  policy: Parameters<typeof decideApproval>[0],
): DeployPreview {
  const changes = settled.raw.Changes ?? [];
  // The diff library drops property changes a change set does not confirm; a change set without any Details (moto's)
  // confirms nothing, so merging it would hide real changes: then the template diff alone decides.
  const hasDetails = changes.some((change) => (change.ResourceChange?.Details?.length ?? 0) > 0 || change.ResourceChange?.Replacement);
  const diff = diffTemplates(deployed, reference, { from: 'deployed', to: 'reference' }, hasDetails ? { changeSet: settled.raw } : {});
  return {
    changeSetType: type,
    changeCount: settled.changeCount,
    diff,
    approval: decideApproval(policy, diff),
    changes: changes.map((change) => ({
      logicalId: change.ResourceChange?.LogicalResourceId ?? '',
      type: change.ResourceChange?.ResourceType ?? '',
      action: change.ResourceChange?.Action ?? '',
      ...(change.ResourceChange?.Replacement ? { replacement: change.ResourceChange.Replacement } : {}),
    })),
  };
}

async function requireRow(ctx: DeployContext, id: string): Promise<DeployRow> {
  const row = await getDeployRow({ id }, ctx.handle.db);
  if (!row) throw new Error(`deploy ${id} vanished`);
  return row;
}
