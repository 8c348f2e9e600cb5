import crypto from 'node:crypto';
import { z } from 'zod';
import type { AuthedUser } from '../auth/authorize';
import { resolveAwsTarget, type AwsTarget } from '../aws/target';
import { getDb, withTransaction, type DbHandle } from '../db/connection';
import {
  getDeployByClientToken,
  getDeployLock,
  getDeployRow,
  insertDeploy,
  listDeployRows,
  tryAcquireDeployLock,
  type DeployRow,
} from '../db/queries/deploys';
import { nowIso } from '../db/queries/shared';
import { AppError } from '../errors';
import { BUNDLED_REVIEW_ID } from '../pipeline/bundled';
import { changeSetNameOf, driveDeploy } from './driver';
import type { DeployContext } from './types';
import { requireDeployCandidate, type DeployCandidate } from './gate';
import { ensureDeployRecovery } from './recovery';
import { announceDeploy, auditDeploy, stackKeyOf, targetLabelOf, toDeployView } from './records';
import type { DeployView } from './types';

/** This app instance, as recorded on the deploys it drives. */
export const DEPLOY_INSTANCE_ID = crypto.randomUUID();

/** Overrides for tests: another database, target, or polling interval. */
export interface DeployDeps {
  handle?: DbHandle;
  target?: AwsTarget;
  pollMs?: number;
  /** Called with each background drive (tests await it); by default it runs detached. */
  onDrive?: (drive: Promise<void>) => void;
}

/** The body of a deploy request: which review's reference, and the caller's idempotency key. */
export const deployRequestSchema = z.strictObject({
  // Only the infra/ reference deploys: a stored review's reference is uploaded text, not the team's stack.
  reviewId: z
    .literal(BUNDLED_REVIEW_ID, { error: 'only the infra/ reference (review "bundled") can be deployed' })
    .default(BUNDLED_REVIEW_ID),
  clientToken: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'clientToken: 8 to 64 letters, digits or hyphens'),
  // The deploy panel sends `confirm`: its user always sees the change set before it runs. Scripts keep `policy`.
  execution: z.enum(['policy', 'confirm'], { error: 'execution: "policy" or "confirm"' }).default('policy'),
});

/** The context deploys run in, from `deps` or the environment. */
export function deployContext(deps: DeployDeps = {}): DeployContext {
  return {
    handle: deps.handle ?? getDb(),
    target: deps.target ?? resolveAwsTarget(),
    instanceId: DEPLOY_INSTANCE_ID,
    pollMs: deps.pollMs ?? 1_500,
  };
}

/**
 * Starts deploying the review's reference (deployer): a second request of the same user with the same client token
 * returns the same deploy, another user's request with it is `conflict:deploy` (409) and learns nothing of it; while
 * another deploy holds the stack, `conflict:deploy` (409) says who. The change set is created in the background; the
 * returned deploy is `creating_change_set` and every viewer hears of each step.
 */
export async function requestDeploy(
  { input, user }: { input: unknown; user: AuthedUser },
  deps: DeployDeps = {},
): Promise<{ deploy: DeployView; created: boolean }> {
  const body = deployRequestSchema.parse(input);
  const ctx = deployContext(deps);
  if (!deps.handle) ensureDeployRecovery(ctx);
  const repeated = await getDeployByClientToken({ clientToken: body.clientToken }, ctx.handle.db);
  if (repeated && repeated.requested_by !== user.id) throw tokenTaken();
  if (repeated) return { deploy: toDeployView(repeated), created: false };
  const candidate = await requireDeployCandidate(body.reviewId, ctx.handle.db);
  const { row, created } = await insertLockedDeploy(ctx, candidate, body, user);
  if (created) drive(row.id, ctx, deps);
  return { deploy: toDeployView(row), created };
}

/** Runs the deploy's next steps in the background of this instance. */
export function drive(id: string, ctx: DeployContext, deps: Pick<DeployDeps, 'onDrive'> = {}): void {
  const running = driveDeploy(id, ctx);
  if (deps.onDrive) deps.onDrive(running);
  else void running;
}

/** One deploy by id; `not_found:deploy` when there is none. */
export async function getDeploy({ id }: { id: string }, deps: DeployDeps = {}): Promise<DeployView> {
  const row = await getDeployRow({ id }, (deps.handle ?? getDb()).db);
  if (!row) throw new AppError('not_found:deploy', `No deploy with id "${id}"`);
  return toDeployView(row);
}

/** The target's recent deploys, newest first, and the one in flight (holding the lock), if any. */
export async function listDeploys(
  { limit = 20 }: { limit?: number } = {},
  deps: DeployDeps = {},
): Promise<{ active: DeployView | null; deploys: DeployView[] }> {
  const ctx = deployContext(deps);
  if (!deps.handle) ensureDeployRecovery(ctx);
  const key = stackKeyOf(ctx.target);
  const [rows, lock] = await Promise.all([
    listDeployRows({ stackKey: key, limit }, ctx.handle.db),
    getDeployLock({ stackKey: key }, ctx.handle.db),
  ]);
  const activeRow = lock
    ? (rows.find((row) => row.id === lock.deploy_id) ?? (await getDeployRow({ id: lock.deploy_id }, ctx.handle.db)))
    : undefined;
  return { active: activeRow ? toDeployView(activeRow) : null, deploys: rows.map(toDeployView) };
}

async function insertLockedDeploy(
  ctx: DeployContext,
  candidate: DeployCandidate,
  { clientToken, execution }: Pick<z.infer<typeof deployRequestSchema>, 'clientToken' | 'execution'>,
  user: AuthedUser,
): Promise<{ row: DeployRow; created: boolean }> {
  const stackKey = stackKeyOf(ctx.target);
  const id = crypto.randomUUID();
  const at = nowIso();
  const label = user.name ? `${user.name} <${user.email}>` : user.email;
  return withTransaction(async (trx) => {
    if (!(await tryAcquireDeployLock({ stack_key: stackKey, deploy_id: id, holder_label: label, acquired_at: at }, trx))) {
      const lock = await getDeployLock({ stackKey }, trx);
      const holder = lock ? await getDeployRow({ id: lock.deploy_id }, trx) : undefined;
      // The same click arriving twice at once: the first one's deploy is the answer, not a conflict.
      if (holder?.client_token === clientToken && holder.requested_by === user.id) return { row: holder, created: false };
      if (holder?.client_token === clientToken) throw tokenTaken();
      throw busy(ctx.target, lock?.holder_label ?? 'someone', holder);
    }
    const row: DeployRow = {
      id,
      stack_key: stackKey,
      stack_name: ctx.target.stackName,
      target_label: targetLabelOf(ctx.target),
      review_id: candidate.reviewId,
      template_hash: candidate.templateHash,
      template_body: JSON.stringify(candidate.template),
      client_token: clientToken,
      status: 'creating_change_set',
      change_set_type: null,
      change_set_id: null,
      preview_json: null,
      outcome_json: null,
      message: `Creating change set ${changeSetNameOf(id)}`,
      requested_by: user.id,
      requested_by_label: label,
      confirmed_by: null,
      created_at: at,
      updated_at: at,
      executed_at: null,
      finished_at: null,
      worker_instance: ctx.instanceId,
      worker_seen_at: at,
      execution,
    };
    await insertDeploy(row, trx);
    await auditDeploy(trx, { id: user.id, label: user.email }, 'deploy.requested', row);
    await announceDeploy(row, ctx.handle, trx);
    return { row, created: true };
  }, ctx.handle);
}

function busy(target: AwsTarget, holderLabel: string, holder: DeployRow | undefined): AppError {
  const what = holder ? ` (deploy ${holder.id}, ${holder.status.replaceAll('_', ' ')} since ${holder.created_at})` : '';
  return new AppError('conflict:deploy', `${holderLabel} is deploying ${target.stackName}${what}; wait for it to finish or be cancelled`, {
    details: { deployId: holder?.id ?? null, holder: holderLabel, status: holder?.status ?? null },
  });
}

/** A client token is its requester's: another user reusing it gets no view of that deploy, only a 409. */
function tokenTaken(): AppError {
  return new AppError('conflict:deploy', "This clientToken belongs to another user's deploy; send a new one (a fresh UUID per deploy)", {
    details: { reason: 'client_token_taken' },
  });
}
