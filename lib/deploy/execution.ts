import { executeChangeSet, settleChangeSet } from '../aws/changesets';
import { describeStack, listStackEventsSince, type StackEventView } from '../aws/cloudformation';
import { touchDeployWorker, transitionDeploy, type DeployRow } from '../db/queries/deploys';
import { nowIso } from '../db/queries/shared';
import { finishDeploy } from './finish';
import { announceStackEvents } from './records';
import type { DeployContext, DeployFailure, DeployOutcome } from './types';

// CloudFormation's event clock and ours differ; events this long before ExecuteChangeSet still count as this deploy's.
const CLOCK_SKEW_MS = 5_000;
// After ExecuteChangeSet, a stack may show REVIEW_IN_PROGRESS for a moment; longer than this means nothing started.
const START_GRACE_MS = 60_000;
const MAX_OUTCOME_EVENTS = 500;

/**
 * Executes the deploy's change set unless CloudFormation already has (a restarted instance resumes here), then
 * relays the stack's new events to every viewer until the stack reaches a terminal state, and records the outcome.
 */
export async function executeAndWatch(row: DeployRow, ctx: DeployContext): Promise<void> {
  if (!row.change_set_id) throw new Error(`deploy ${row.id} is executing without a change set`);
  const changeSet = await settleChangeSet(ctx.target, row.change_set_id, { pollMs: ctx.pollMs });
  let executedAt = row.executed_at;
  if (changeSet.executionStatus === 'AVAILABLE') {
    executedAt ??= nowIso();
    await transitionDeploy(
      {
        id: row.id,
        from: ['executing'],
        values: {
          executed_at: executedAt,
          worker_instance: ctx.instanceId,
          worker_seen_at: nowIso(),
        },
      },
      ctx.handle.db,
    );
    await executeChangeSet(ctx.target, row.change_set_id, row.id);
  } else if (!/^EXECUTE_/.test(changeSet.executionStatus)) {
    throw new Error(`The change set cannot be executed: ${changeSet.executionStatus}${changeSet.reason ? ` (${changeSet.reason})` : ''}`);
  }
  const since = new Date(Date.parse(executedAt ?? row.updated_at) - CLOCK_SKEW_MS).toISOString();
  const seen = new Set<string>();
  const all: StackEventView[] = [];
  const startedWaiting = Date.now();
  for (;;) {
    await touchDeployWorker({ id: row.id, instance: ctx.instanceId }, ctx.handle.db);
    const fresh = (await listStackEventsSince(ctx.target, since)).filter((event) => !seen.has(event.id));
    for (const event of fresh) seen.add(event.id);
    all.unshift(...fresh);
    await announceStackEvents(row.stack_key, row.id, fresh, ctx.handle);
    const stack = await describeStack(ctx.target);
    const status = stack.exists ? stack.status : 'DELETE_COMPLETE';
    const waitingToStart = status === 'REVIEW_IN_PROGRESS' && Date.now() - startedWaiting < START_GRACE_MS;
    if (!status.endsWith('_IN_PROGRESS') || (status === 'REVIEW_IN_PROGRESS' && !waitingToStart)) {
      const outcome = outcomeOf(status, stack.exists ? stack.reason : undefined, all);
      const succeeded = /^(CREATE|UPDATE|IMPORT)_COMPLETE$/.test(status);
      const message = succeeded ? `${ctx.target.stackName} is ${status}` : failureMessage(outcome);
      await finishDeploy(ctx, row.id, succeeded ? 'succeeded' : 'failed', { message, outcome });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, ctx.pollMs));
  }
}

/** The outcome of an execution: final status, each failed resource with its reason, and the rollback's end state. */
export function outcomeOf(stackStatus: string, stackReason: string | undefined, events: StackEventView[]): DeployOutcome {
  const failures: DeployFailure[] = events
    .filter((event) => event.failed && event.status.endsWith('_FAILED'))
    .map((event) => ({ logicalId: event.logicalId, resourceType: event.resourceType, status: event.status, reason: event.reason ?? '' }));
  return {
    stackStatus,
    ...(stackReason ? { stackReason } : {}),
    failures,
    ...(stackStatus.includes('ROLLBACK') ? { rollback: stackStatus } : {}),
    events: events.slice(0, MAX_OUTCOME_EVENTS),
  };
}

function failureMessage(outcome: DeployOutcome): string {
  const first = outcome.failures.find((failure) => failure.reason) ?? outcome.failures[0];
  const cause = first
    ? `: ${first.logicalId} ${first.status} (${first.reason || 'no reason given'})`
    : outcome.stackReason
      ? `: ${outcome.stackReason}`
      : '';
  const rollback = outcome.rollback ? `; rollback ended ${outcome.rollback}` : '';
  return `Deploy failed, stack ${outcome.stackStatus}${cause}${rollback}`;
}
