import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { rememberAlignment } from '../align';
import { compareArtifacts, type Comparison } from './comparison';
import { stacksOf } from './stack-review';
import type { LoadedArtifact } from './types';

/**
 * From this many resources (both sides together) a comparison runs in the worker thread. Below it the work is a few
 * milliseconds (the 40-resource bundled pair: about 15 ms), less than copying both sides to another thread and back and
 * waiting for a thread that may be busy with a large pair; at 1,000 resources it is a few hundred milliseconds (the
 * diff and its difference findings grow linearly, about 0.2 ms per resource), which a server must not spend on its
 * event loop.
 */
export const OFF_THREAD_MIN_RESOURCES = Number(process.env.INFRA_REVIEW_DIFF_THREAD_MIN_RESOURCES ?? 400);
/** Longest one comparison may take in the worker; then the thread is terminated and the comparison fails. */
const COMPARE_TIMEOUT_MS = Number(process.env.INFRA_REVIEW_DIFF_TIMEOUT_MS ?? 300_000);

interface Pending {
  resolve: (comparison: Comparison) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

class ComparisonWorker {
  private readonly worker = new Worker(path.join(process.cwd(), 'lib/pipeline/comparison-worker.mjs'));
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  failed: string | undefined;

  constructor() {
    this.worker.unref();
    this.worker.on('message', (msg: { id?: number; comparison?: Comparison; error?: string }) => {
      const pending = msg.id === undefined ? undefined : this.pending.get(msg.id);
      if (!pending || msg.id === undefined) return;
      this.settle(msg.id);
      if (msg.comparison) pending.resolve(msg.comparison);
      else pending.reject(new Error(`diff thread: ${msg.error}`));
    });
    this.worker.on('error', (error) => this.fail(`diff thread failed: ${error?.message ?? error}`));
    this.worker.on('exit', (code) => this.fail(`diff thread exited with code ${code}`));
  }

  compare(reference: LoadedArtifact, model: LoadedArtifact, timeoutMs: number): Promise<Comparison> {
    const id = this.nextId++;
    this.worker.ref();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(`diff thread gave no answer within ${timeoutMs / 1000} s; it was restarted`);
        void this.worker.terminate();
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ id, reference, model });
    });
  }

  terminate(): Promise<number> {
    this.fail('diff thread shut down');
    return this.worker.terminate();
  }

  private settle(id: number): void {
    clearTimeout(this.pending.get(id)?.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  /** Fails every pending comparison; the next one starts a fresh thread (comparisonWorker sees `failed`). */
  private fail(reason: string): void {
    this.failed ??= reason;
    for (const [id, pending] of [...this.pending]) {
      this.settle(id);
      pending.reject(new Error(reason));
    }
  }
}

let shared: ComparisonWorker | undefined;

function comparisonWorker(): ComparisonWorker {
  if (!shared || shared.failed) shared = new ComparisonWorker();
  return shared;
}

/** Resources of both sides, every stack counted. */
function resourceCount(...artifacts: LoadedArtifact[]): number {
  return artifacts.flatMap(stacksOf).reduce((sum, stack) => sum + Object.keys(stack.template.template.Resources).length, 0);
}

/**
 * compareArtifacts without blocking the event loop on a large pair: from OFF_THREAD_MIN_RESOURCES resources (or with
 * `offThread: true`) in the shared worker thread, whose alignments are then kept for alignLoaded here; smaller pairs
 * in this thread, once the caller's synchronous work is done. The result is the same either way; a thread that fails or times out rejects (the next call starts a new one).
 */
export async function compareArtifactsOffThread(
  reference: LoadedArtifact,
  model: LoadedArtifact,
  options: { offThread?: boolean; timeoutMs?: number } = {},
): Promise<Comparison> {
  const offThread = options.offThread ?? resourceCount(reference, model) >= OFF_THREAD_MIN_RESOURCES;
  if (!offThread) {
    // After a turn, not now: work the caller starts next (a review's linters) gets going before this thread is busy.
    await Promise.resolve();
    return compareArtifacts(reference, model);
  }
  const comparison = await comparisonWorker().compare(reference, model, options.timeoutMs ?? COMPARE_TIMEOUT_MS);
  for (const { referenceHash, modelHash, alignment } of comparison.alignments) rememberAlignment(referenceHash, modelHash, alignment);
  return comparison;
}

/** Stops the diff thread (a later large comparison starts a new one); lets short-lived processes and tests exit at once. */
export async function shutdownComparisonWorker(): Promise<void> {
  const current = shared;
  shared = undefined;
  await current?.terminate();
}
