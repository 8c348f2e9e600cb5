/**
 * Fair sharing of the analysis between requests. A review whose templates hold many resources is heavy: heavy reviews
 * run one at a time (a queue), and their templates are validated by an engine of their own, while light reviews never
 * wait in that queue nor behind a heavy template in the shared engine. Linter timeouts grow with the template, so a
 * small template that hangs frees its engine soon and a large one gets the time it needs, up to the configured cap.
 */

/** A tuning setting from the environment: its value when a positive number, else `fallback` (never NaN or 0). */
export function positiveNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Resources (both sides of a review, or one template) from which work is heavy (`INFRA_REVIEW_HEAVY_RESOURCES`). */
export const HEAVY_RESOURCES = positiveNumber('INFRA_REVIEW_HEAVY_RESOURCES', 500);
/** Heavy reviews analysed at once (`INFRA_REVIEW_HEAVY_CONCURRENCY`); the rest wait their turn in arrival order. */
export const HEAVY_CONCURRENCY = positiveNumber('INFRA_REVIEW_HEAVY_CONCURRENCY', 1);

// A small template lints in milliseconds; 30 s (the validator's former fixed timeout) leaves room for a loaded CI machine.
const BASE_TIMEOUT_MS = 30_000;
const TIMEOUT_MS_PER_RESOURCE = 10;

/** Whether work over this many resources goes to the heavy lane. */
export function isHeavy(resources: number): boolean {
  return resources >= HEAVY_RESOURCES;
}

/** How long a linter may take on a template of `resources` resources: 30 s plus 10 ms per resource, at most `capMs`. */
export function scaledTimeoutMs(resources: number, capMs: number): number {
  return Math.min(capMs, BASE_TIMEOUT_MS + TIMEOUT_MS_PER_RESOURCE * resources);
}

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `work` at once when it is light; heavy work waits for one of HEAVY_CONCURRENCY slots, first come first served. */
export async function runInLane<T>(resources: number, work: () => Promise<T>): Promise<T> {
  if (!isHeavy(resources)) return work();
  // A finishing review hands its slot straight to the next in line, so a newcomer cannot overtake the queue.
  if (running >= HEAVY_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** How many heavy reviews run and wait now (for tests and health pages). */
export function heavyLaneLoad(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}
