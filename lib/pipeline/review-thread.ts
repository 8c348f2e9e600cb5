import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { rememberAlignment } from '../align';
import { runRules } from '../rules/engine';
import type { Finding } from '../rules/finding';
import type { RuleInput } from '../rules/types';
import { compareArtifacts, type Comparison } from './comparison';
import { stacksOf } from './stack-review';
import type { LoadedArtifact } from './types';
import { positiveNumber } from '../limits/heavy-lane';

/**
 * From this many resources (both sides of a comparison together; the template of a rule run) the work runs in the
 * review's worker thread. Below it the work takes milliseconds (the 40-resource bundled pair: about 15 ms), less than
 * copying both sides to another thread and back, or waiting behind a large pair there; from about 400 resources it takes
 * 100 ms and more (the diff, difference findings and rules grow linearly), which a server must not spend on its event loop.
 */
export const OFF_THREAD_MIN_RESOURCES = positiveNumber('INFRA_REVIEW_THREAD_MIN_RESOURCES', 400);
/** Longest one task may take in the worker; then the thread is terminated and the task fails. */
const TASK_TIMEOUT_MS = positiveNumber('INFRA_REVIEW_THREAD_TIMEOUT_MS', 300_000);

/** What the thread does (lib/pipeline/review-worker.mjs): its tasks, their arguments and results. */
interface Tasks {
  compare: { args: { reference: LoadedArtifact; model: LoadedArtifact }; result: Comparison };
  rules: { args: { input: RuleInput }; result: Finding[] };
}

interface Pending {
  resolve: (result: never) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

class ReviewThread {
  private readonly worker = new Worker(path.join(process.cwd(), 'lib/pipeline/review-worker.mjs'));
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  failed: string | undefined;

  constructor() {
    this.worker.unref();
    this.worker.on('message', (msg: { id: number; result?: never; error?: string }) => {
      const pending = this.pending.get(msg.id);
      if (!pending) return;
      this.settle(msg.id);
      if (msg.error === undefined) pending.resolve(msg.result as never);
      else pending.reject(new Error(`review thread: ${msg.error}`));
    });
    this.worker.on('error', (error) => this.fail(`review thread failed: ${error?.message ?? error}`));
    this.worker.on('exit', (code) => this.fail(`review thread exited with code ${code}`));
  }

  run<T extends keyof Tasks>(task: T, args: Tasks[T]['args'], timeoutMs: number): Promise<Tasks[T]['result']> {
    const id = this.nextId++;
    this.worker.ref();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(`review thread gave no answer within ${timeoutMs / 1000} s; it was restarted`);
        void this.worker.terminate();
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ id, task, args });
    });
  }

  terminate(): Promise<number> {
    this.fail('review thread shut down');
    return this.worker.terminate();
  }

  private settle(id: number): void {
    clearTimeout(this.pending.get(id)?.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  /** Fails every pending task; the next one starts a fresh thread (reviewThread sees `failed`). */
  private fail(reason: string): void {
    this.failed ??= reason;
    for (const [id, pending] of [...this.pending]) {
      this.settle(id);
      pending.reject(new Error(reason));
    }
  }
}

let shared: ReviewThread | undefined;

function reviewThread(): ReviewThread {
  if (!shared || shared.failed) shared = new ReviewThread();
  return shared;
}

/** Resources of both sides, every stack counted. */
function resourceCount(...artifacts: LoadedArtifact[]): number {
  return artifacts.flatMap(stacksOf).reduce((sum, stack) => sum + Object.keys(stack.template.template.Resources).length, 0);
}

/**
 * compareArtifacts without blocking the event loop on a large pair: from OFF_THREAD_MIN_RESOURCES resources (or with
 * `offThread: true`) in the review's thread, whose alignments are then kept for alignLoaded here; smaller pairs in this
 * thread, once the caller's synchronous work is done. The result is the same either way. A thread that fails or times
 * out rejects every task it holds, and the next call starts a new thread.
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
  const comparison = await reviewThread().run('compare', { reference, model }, options.timeoutMs ?? TASK_TIMEOUT_MS);
  for (const { referenceHash, modelHash, alignment } of comparison.alignments) rememberAlignment(referenceHash, modelHash, alignment);
  return comparison;
}

/**
 * runRules without blocking the event loop on a large template: from OFF_THREAD_MIN_RESOURCES resources (or with
 * `offThread: true`) in the review's thread, else here. The same findings either way.
 */
export async function runRulesOffThread(input: RuleInput, options: { offThread?: boolean } = {}): Promise<Finding[]> {
  const offThread = options.offThread ?? Object.keys(input.template?.Resources ?? {}).length >= OFF_THREAD_MIN_RESOURCES;
  return offThread ? reviewThread().run('rules', { input }, TASK_TIMEOUT_MS) : runRules(input);
}

/** Stops the review's thread (later large work starts a new one); lets short-lived processes and tests exit at once. */
export async function shutdownReviewThread(): Promise<void> {
  const current = shared;
  shared = undefined;
  await current?.terminate();
}
