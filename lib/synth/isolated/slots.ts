import os from 'node:os';

/** A counting semaphore: at most `size` tasks run at once, the rest wait in arrival order. */
export function createSlots(size: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };
  return {
    /** Runs `task` once a slot is free; the slot is released however the task ends. */
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
      running += 1;
      try {
        return await task();
      } finally {
        release();
      }
    },
    /** Tasks running now and tasks waiting for a slot. */
    stats: () => ({ running, waiting: waiting.length }),
  };
}

/** Worker processes allowed at once in this process: one per core, so a bulk import cannot fork without bound. */
export const SYNTH_SLOTS = createSlots(Math.max(1, os.availableParallelism()));
