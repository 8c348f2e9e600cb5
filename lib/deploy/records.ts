import type { Kysely, Transaction } from 'kysely';
import type { AwsTarget } from '../aws/target';
import type { DbHandle } from '../db/connection';
import { publish } from '../db/notify';
import { appendAuditLog } from '../db/queries/audit-log';
import type { DeployRow } from '../db/queries/deploys';
import type { Actor } from '../db/queries/shared';
import type { Database } from '../db/schema';
import type { StackEventView } from '../aws/cloudformation';
import type { DeployOutcome, DeployPreview, DeployView } from './types';

/** The lock key of a target: endpoint (or AWS itself) with profile, region and stack name. */
export function stackKeyOf(target: AwsTarget): string {
  return [target.endpoint ? new URL(target.endpoint).origin : 'aws', target.profile ?? '', target.region, target.stackName].join('|');
}

/** How the UI names a target in one line. */
export function targetLabelOf(target: AwsTarget): string {
  const where = target.endpoint ? new URL(target.endpoint).origin : `AWS${target.profile ? ` (profile ${target.profile})` : ''}`;
  return `${where} ${target.region} ${target.stackName}`;
}

/** A stored deploy as the API and UI see it. */
export function toDeployView(row: DeployRow): DeployView {
  return {
    id: row.id,
    status: row.status,
    stackName: row.stack_name,
    target: row.target_label,
    reviewId: row.review_id,
    templateHash: row.template_hash,
    changeSetType: row.change_set_type,
    changeSetId: row.change_set_id,
    preview: row.preview_json ? (JSON.parse(row.preview_json) as DeployPreview) : null,
    outcome: row.outcome_json ? (JSON.parse(row.outcome_json) as DeployOutcome) : null,
    message: row.message,
    requestedBy: { id: row.requested_by, label: row.requested_by_label },
    confirmedBy: row.confirmed_by,
    execution: row.execution,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/** The channel of a stack's deploy updates (every instance, lib/db/notify). */
export function deployChannel(stackKey: string): string {
  return `deploys:${stackKey}`;
}

/** What a deploy channel carries: a deploy changed (fetch it), or stack events arrived during its execution. */
export type DeployMessage =
  { type: 'deploy'; deployId: string; status: string } | { type: 'stack-events'; deployId: string; events: StackEventView[] };

/** Publishes that the deploy changed; with `trx`, only once it commits. */
export async function announceDeploy(
  row: Pick<DeployRow, 'id' | 'stack_key' | 'status'>,
  handle: DbHandle,
  trx?: Transaction<Database>,
): Promise<void> {
  const message: DeployMessage = { type: 'deploy', deployId: row.id, status: row.status };
  await publish(deployChannel(row.stack_key), message, trx, handle);
}

/** Publishes stack events seen during the deploy's execution. */
export async function announceStackEvents(stackKey: string, deployId: string, events: StackEventView[], handle: DbHandle): Promise<void> {
  if (events.length === 0) return;
  const message: DeployMessage = { type: 'stack-events', deployId, events };
  await publish(deployChannel(stackKey), message, undefined, handle);
}

/** The system actor that records outcomes no user caused directly. */
export const DEPLOY_WORKER: Actor = { id: null, label: 'infra-review deploy worker' };

/** Appends a deploy's audit entry: what happened, to which template and change set. */
export async function auditDeploy(
  db: Kysely<Database>,
  actor: Actor,
  action: string,
  row: DeployRow,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await appendAuditLog(
    {
      actor,
      action,
      entityType: 'deploy',
      entityId: row.id,
      after: {
        status: row.status,
        stack: row.stack_name,
        target: row.target_label,
        templateHash: row.template_hash,
        changeSetId: row.change_set_id,
        requestedBy: row.requested_by_label,
        ...extra,
      },
    },
    db,
  );
}
