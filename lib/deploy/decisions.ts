import type { AuthedUser } from '../auth/authorize';
import { deleteChangeSet } from '../aws/changesets';
import { deleteAbandonedReviewStack } from '../aws/review-stack';
import { withTransaction } from '../db/connection';
import { getDeployRow, transitionDeploy } from '../db/queries/deploys';
import { AppError } from '../errors';
import { finishDeploy } from './finish';
import { announceDeploy, auditDeploy, toDeployView } from './records';
import { deployContext, drive, type DeployDeps } from './service';
import type { DeployView } from './types';

/**
 * Confirms a previewed deploy (deployer) and starts executing its change set. Only a deploy awaiting confirmation
 * can be confirmed, once: a second confirmation, or one after a cancel, is `conflict:deploy` (409).
 */
export async function confirmDeploy({ id, user }: { id: string; user: AuthedUser }, deps: DeployDeps = {}): Promise<DeployView> {
  const ctx = deployContext(deps);
  const row = await withTransaction(async (trx) => {
    const moved = await transitionDeploy(
      {
        id,
        from: ['awaiting_confirmation'],
        values: {
          status: 'executing',
          confirmed_by: user.email,
          worker_instance: ctx.instanceId,
          message: `Confirmed by ${user.email}; executing`,
        },
      },
      trx,
    );
    const current = await getDeployRow({ id }, trx);
    if (!current) throw new AppError('not_found:deploy', `No deploy with id "${id}"`);
    if (!moved) throw new AppError('conflict:deploy', `Deploy ${id} is ${current.status.replaceAll('_', ' ')}, not awaiting confirmation`);
    await auditDeploy(trx, { id: user.id, label: user.email }, 'deploy.confirmed', current);
    await announceDeploy(current, ctx.handle, trx);
    return current;
  }, ctx.handle);
  drive(row.id, ctx, deps);
  return toDeployView(row);
}

/** Cancels a previewed deploy (deployer): its change set is deleted and the stack's lock released. */
export async function cancelDeploy({ id, user }: { id: string; user: AuthedUser }, deps: DeployDeps = {}): Promise<DeployView> {
  const ctx = deployContext(deps);
  const row = await getDeployRow({ id }, ctx.handle.db);
  if (!row) throw new AppError('not_found:deploy', `No deploy with id "${id}"`);
  if (row.status !== 'awaiting_confirmation') {
    throw new AppError(
      'conflict:deploy',
      `Deploy ${id} is ${row.status.replaceAll('_', ' ')}; only a deploy awaiting confirmation can be cancelled`,
    );
  }
  const cancelled = await finishDeploy(ctx, id, 'cancelled', {
    message: `Cancelled by ${user.email}`,
    actor: { id: user.id, label: user.email },
    from: ['awaiting_confirmation'],
  });
  if (!cancelled) throw new AppError('conflict:deploy', `Deploy ${id} changed meanwhile; reload`);
  if (row.change_set_id)
    await deleteChangeSet(ctx.target, row.change_set_id).catch((error) => console.error('deleting a cancelled change set failed', error));
  // A cancelled first deploy leaves an empty REVIEW_IN_PROGRESS stack: remove it, unless a newer deploy (the lock is
  // free now) already put its change set there. The next deploy also removes one left behind.
  if (row.change_set_type === 'CREATE')
    await deleteAbandonedReviewStack(ctx.target, { onlyWithoutChangeSets: true }).catch((error) =>
      console.error('deleting the stack a cancelled first deploy left failed', error),
    );
  const after = await getDeployRow({ id }, ctx.handle.db);
  return toDeployView(after ?? row);
}
