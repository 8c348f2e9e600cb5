import { onClose, type DbHandle } from '../db/connection';
import { claimOrphanedDeploy, listUnattendedDeploys } from '../db/queries/deploys';
import { processGlobal } from '../db/process-global';
import { driveDeploy } from './driver';
import type { DeployContext } from './types';

/** How long a deploy's worker may stay silent before another instance takes the deploy over. */
export const WORKER_STALE_MS = 30_000;
const SCAN_EVERY_MS = 15_000;

const loops = processGlobal('deployRecoveryLoops', () => new WeakMap<DbHandle, Set<string>>());

/**
 * Finishes deploys left behind by a stopped or crashed instance: each deploy still creating its change set or
 * executing whose worker has been silent for `staleMs` is claimed (one instance wins the claim) and driven on from
 * CloudFormation's state. Returns the ids this instance took over; `drive` receives each drive (tests await them).
 */
export async function resumeUnattendedDeploys(
  ctx: DeployContext,
  {
    staleMs = WORKER_STALE_MS,
    drive = (_: Promise<void>) => undefined,
  }: { staleMs?: number; drive?: (running: Promise<void>) => void } = {},
): Promise<string[]> {
  const staleBefore = new Date(Date.now() - staleMs).toISOString();
  const taken: string[] = [];
  for (const row of await listUnattendedDeploys(ctx.handle.db)) {
    if (row.worker_instance === ctx.instanceId && row.worker_seen_at && row.worker_seen_at >= staleBefore) continue;
    if (!(await claimOrphanedDeploy({ id: row.id, instance: ctx.instanceId, staleBefore }, ctx.handle.db))) continue;
    taken.push(row.id);
    drive(driveDeploy(row.id, ctx));
  }
  return taken;
}

/** Starts (once per database handle and target) the periodic scan for deploys to take over; the first scan runs now. It stops when the handle closes. */
export function ensureDeployRecovery(ctx: DeployContext): void {
  const key = `${ctx.instanceId}|${ctx.target.stackName}|${ctx.target.endpoint ?? ''}`;
  const running = loops.get(ctx.handle) ?? new Set<string>();
  if (running.has(key)) return;
  running.add(key);
  loops.set(ctx.handle, running);
  const scan = () => void resumeUnattendedDeploys(ctx).catch((error) => console.error('deploy recovery scan failed', error));
  scan();
  const timer = setInterval(scan, SCAN_EVERY_MS);
  timer.unref();
  onClose(ctx.handle, async () => {
    clearInterval(timer);
    running.delete(key);
  });
}
