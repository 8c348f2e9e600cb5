import { withTransaction } from '../db/connection';
import { getDeployRow, IN_FLIGHT_STATUSES, releaseDeployLock, transitionDeploy } from '../db/queries/deploys';
import { nowIso } from '../db/queries/shared';
import { announceDeploy, auditDeploy, DEPLOY_WORKER } from './records';
import type { DeployContext, DeployOutcome, DeployStatus } from './types';

/**
 * Ends a deploy in one of the `from` statuses (any in-flight one by default) with `status` in one transaction: the record, its audit entry and the release of the
 * stack's lock commit together; viewers hear of it after the commit. A deploy already finished is left as it is.
 */
export async function finishDeploy(
  ctx: Pick<DeployContext, 'handle'>,
  id: string,
  status: Extract<DeployStatus, 'succeeded' | 'failed' | 'no_changes' | 'cancelled'>,
  {
    message,
    outcome,
    actor = DEPLOY_WORKER,
    from = IN_FLIGHT_STATUSES,
  }: { message?: string; outcome?: DeployOutcome; actor?: { id: string | null; label: string }; from?: readonly DeployStatus[] },
): Promise<boolean> {
  const finished = await withTransaction(async (trx) => {
    const moved = await transitionDeploy(
      {
        id,
        from,
        values: {
          status,
          finished_at: nowIso(),
          ...(message !== undefined ? { message } : {}),
          ...(outcome ? { outcome_json: JSON.stringify(outcome) } : {}),
        },
      },
      trx,
    );
    const row = await getDeployRow({ id }, trx);
    if (!moved || !row) return undefined;
    await releaseDeployLock({ stackKey: row.stack_key, deployId: id }, trx);
    await auditDeploy(trx, actor, `deploy.${status}`, row, {
      ...(message ? { message } : {}),
      ...(outcome ? { stackStatus: outcome.stackStatus, failures: outcome.failures, rollback: outcome.rollback } : {}),
    });
    await announceDeploy(row, ctx.handle, trx);
    return row;
  }, ctx.handle);
  return finished !== undefined;
}
