import { describe, expect, it } from 'vitest';
import { HEAVY_RESOURCES, heavyLaneLoad, isHeavy, runInLane, scaledTimeoutMs } from './heavy-lane';

/** A task that runs until `finish()` is called, recording when it starts. */
function gate(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    run: () => {
      log.push(`start ${name}`);
      return done.then(() => name);
    },
    finish,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('runInLane', () => {
  it('runs heavy reviews one at a time in arrival order while light ones start at once', async () => {
    const log: string[] = [];
    const [a, b, c, light] = ['heavy A', 'heavy B', 'heavy C', 'light'].map((name) => gate(log, name));
    const runs = [runInLane(HEAVY_RESOURCES, a.run), runInLane(HEAVY_RESOURCES * 40, b.run), runInLane(HEAVY_RESOURCES, c.run)];
    const lightRun = runInLane(HEAVY_RESOURCES - 1, light.run);
    await tick();
    expect(log).toEqual(['start heavy A', 'start light']);
    expect(heavyLaneLoad()).toEqual({ running: 1, waiting: 2 });
    light.finish();
    expect(await lightRun).toBe('light');
    a.finish();
    await tick();
    // A newcomer arriving as a slot frees does not overtake the queue.
    const late = gate(log, 'heavy D');
    const lateRun = runInLane(HEAVY_RESOURCES, late.run);
    await tick();
    expect(log).toEqual(['start heavy A', 'start light', 'start heavy B']);
    b.finish();
    c.finish();
    late.finish();
    expect(await Promise.all([...runs, lateRun])).toEqual(['heavy A', 'heavy B', 'heavy C', 'heavy D']);
    expect(log.slice(3)).toEqual(['start heavy C', 'start heavy D']);
    expect(heavyLaneLoad()).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot when heavy work fails', async () => {
    await expect(runInLane(HEAVY_RESOURCES, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await runInLane(HEAVY_RESOURCES, async () => 'next')).toBe('next');
    expect(heavyLaneLoad()).toEqual({ running: 0, waiting: 0 });
  });
});

describe('scaledTimeoutMs', () => {
  it('gives small templates 30 s, adds 10 ms per resource, and never exceeds the cap', () => {
    expect(scaledTimeoutMs(40, 60_000)).toBe(30_400);
    expect(scaledTimeoutMs(2000, 60_000)).toBe(50_000);
    expect(scaledTimeoutMs(40, 10_000)).toBe(10_000);
    expect(scaledTimeoutMs(5000, 30_000)).toBe(30_000);
    expect(isHeavy(HEAVY_RESOURCES)).toBe(true);
    expect(isHeavy(40)).toBe(false);
  });
});
