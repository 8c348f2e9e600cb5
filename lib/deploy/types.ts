import type { TemplateDiffJson } from '../diff/types';
import type { StackEventView } from '../aws/cloudformation';
import type { AwsTarget } from '../aws/target';
import type { DbHandle } from '../db/connection';
import type { DeployExecution, DeployStatus } from '../db/schema';

export type { DeployExecution, DeployStatus } from '../db/schema';

/** Why a change set needs an explicit confirmation under the approval policy (empty when it does not). */
export interface ApprovalDecision {
  required: boolean;
  policy: 'never' | 'broadening' | 'any-change';
  reasons: string[];
}

/** The change set's preview: the diff from the deployed template (or nothing) to the reference, merged with the change set. */
export interface DeployPreview {
  changeSetType: 'CREATE' | 'UPDATE';
  changeCount: number;
  diff: TemplateDiffJson;
  approval: ApprovalDecision;
  /** The change set's own per-resource actions (Add/Modify/Remove, replacement when CloudFormation says). */
  changes: Array<{ logicalId: string; type: string; action: string; replacement?: string }>;
}

/** A resource that failed during execution, with CloudFormation's reason. */
export interface DeployFailure {
  logicalId: string;
  resourceType: string;
  status: string;
  reason: string;
}

/** How an execution ended: the stack's final status, the failures and the rollback's outcome. */
export interface DeployOutcome {
  stackStatus: string;
  stackReason?: string;
  failures: DeployFailure[];
  /** The rollback's final status when one ran (e.g. ROLLBACK_COMPLETE, UPDATE_ROLLBACK_COMPLETE). */
  rollback?: string;
  events: StackEventView[];
}

/** A deploy as the API and UI see it (plain JSON). */
export interface DeployView {
  id: string;
  status: DeployStatus;
  stackName: string;
  target: string;
  reviewId: string;
  templateHash: string;
  changeSetType: 'CREATE' | 'UPDATE' | null;
  changeSetId: string | null;
  preview: DeployPreview | null;
  outcome: DeployOutcome | null;
  message: string | null;
  requestedBy: { id: string; label: string };
  confirmedBy: string | null;
  /** `confirm`: waits for an explicit execute after the preview even when the policy requires no confirmation. */
  execution: DeployExecution;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** Statuses after which nothing more happens to a deploy. */
export const FINISHED_STATUSES: readonly DeployStatus[] = ['succeeded', 'failed', 'no_changes', 'cancelled'];

/** Whether the deploy has ended. */
export function isFinished(status: DeployStatus): boolean {
  return FINISHED_STATUSES.includes(status);
}

/** What drives a deploy: the database, the CloudFormation target, this instance's id and the polling interval. */
export interface DeployContext {
  handle: DbHandle;
  target: AwsTarget;
  instanceId: string;
  pollMs: number;
}
