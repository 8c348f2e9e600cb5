import type { Kysely, Selectable, Updateable } from 'kysely';
import { getDb } from '../connection';
import type { Database, DeployStatus, DeploysTable } from '../schema';
import { nowIso } from './shared';

/** A stored deploy row. */
export type DeployRow = Selectable<DeploysTable>;

/** The lock row of a stack: which deploy holds it, and who asked for that deploy. */
export type DeployLockRow = Selectable<Database['deploy_locks']>;

/** Statuses in which a deploy holds its stack's lock. */
export const IN_FLIGHT_STATUSES: readonly DeployStatus[] = ['creating_change_set', 'awaiting_confirmation', 'executing'];

/** Takes the stack's lock for `deployId`; false when another deploy holds it (the primary key decides, on every instance). */
export async function tryAcquireDeployLock(lock: DeployLockRow, db: Kysely<Database> = getDb().db): Promise<boolean> {
  const result = await db
    .insertInto('deploy_locks')
    .values(lock)
    .onConflict((oc) => oc.column('stack_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The lock on the stack, if any. */
export async function getDeployLock(
  { stackKey }: { stackKey: string },
  db: Kysely<Database> = getDb().db,
): Promise<DeployLockRow | undefined> {
  return db.selectFrom('deploy_locks').selectAll().where('stack_key', '=', stackKey).executeTakeFirst();
}

/** Releases the stack's lock if `deployId` holds it; another deploy's lock is never touched. */
export async function releaseDeployLock(
  { stackKey, deployId }: { stackKey: string; deployId: string },
  db: Kysely<Database> = getDb().db,
): Promise<void> {
  await db.deleteFrom('deploy_locks').where('stack_key', '=', stackKey).where('deploy_id', '=', deployId).execute();
}

/** Inserts a new deploy row. */
export async function insertDeploy(row: DeployRow, db: Kysely<Database> = getDb().db): Promise<void> {
  await db.insertInto('deploys').values(row).execute();
}

/** The deploy with this id. */
export async function getDeployRow({ id }: { id: string }, db: Kysely<Database> = getDb().db): Promise<DeployRow | undefined> {
  return db.selectFrom('deploys').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The deploy a client token created, if any. */
export async function getDeployByClientToken(
  { clientToken }: { clientToken: string },
  db: Kysely<Database> = getDb().db,
): Promise<DeployRow | undefined> {
  return db.selectFrom('deploys').selectAll().where('client_token', '=', clientToken).executeTakeFirst();
}

/** The stack's deploys, newest first. */
export async function listDeployRows(
  { stackKey, limit }: { stackKey: string; limit: number },
  db: Kysely<Database> = getDb().db,
): Promise<DeployRow[]> {
  return db
    .selectFrom('deploys')
    .selectAll()
    .where('stack_key', '=', stackKey)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Moves a deploy to new values only while its status is one of `from` (compare-and-set): true when this caller
 * made the transition, false when another request or instance got there first.
 */
export async function transitionDeploy(
  { id, from, values }: { id: string; from: readonly DeployStatus[]; values: Omit<Updateable<DeploysTable>, 'id' | 'updated_at'> },
  db: Kysely<Database> = getDb().db,
): Promise<boolean> {
  const result = await db
    .updateTable('deploys')
    .set({ ...values, updated_at: nowIso() })
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records that `instance` is driving the deploy now. */
export async function touchDeployWorker(
  { id, instance }: { id: string; instance: string },
  db: Kysely<Database> = getDb().db,
): Promise<void> {
  await db.updateTable('deploys').set({ worker_instance: instance, worker_seen_at: nowIso() }).where('id', '=', id).execute();
}

/**
 * Takes over a deploy whose worker went quiet before `staleBefore` (a restarted or crashed instance): true when
 * this instance now drives it. Only steps that run unattended (creating the change set, executing) are taken.
 */
export async function claimOrphanedDeploy(
  { id, instance, staleBefore }: { id: string; instance: string; staleBefore: string },
  db: Kysely<Database> = getDb().db,
): Promise<boolean> {
  const result = await db
    .updateTable('deploys')
    .set({ worker_instance: instance, worker_seen_at: nowIso() })
    .where('id', '=', id)
    .where('status', 'in', ['creating_change_set', 'executing'])
    .where((eb) => eb.or([eb('worker_seen_at', 'is', null), eb('worker_seen_at', '<', staleBefore), eb('worker_instance', '=', instance)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deploys still in an unattended step, oldest first (candidates for recovery). */
export async function listUnattendedDeploys(db: Kysely<Database> = getDb().db): Promise<DeployRow[]> {
  return db.selectFrom('deploys').selectAll().where('status', 'in', ['creating_change_set', 'executing']).orderBy('created_at').execute();
}
