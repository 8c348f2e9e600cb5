import { describe, expect, it, vi } from 'vitest';
import { openDb, withTransaction, type DbHandle } from './connection';
import { sql } from 'kysely';
import { listening, publish, RECONNECTED_CHANNEL, subscribe } from './notify';
import { dialects, useMigratedDb } from './test-dialects';

/** Collects payloads of one channel on one handle. */
function collect(channel: string, handle: DbHandle): { received: unknown[]; stop: () => void } {
  const received: unknown[] = [];
  return { received, stop: subscribe(channel, (payload) => received.push(payload), handle) };
}

/** Waits until `predicate` holds, failing after two seconds. */
async function eventually(predicate: () => boolean): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a notification');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Lets anything already sent arrive, to show that nothing else does. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe.each(dialects())('publish and subscribe on $name', (dialect) => {
  const t = useMigratedDb(dialect);

  it('delivers a payload published in a transaction only after it commits', async () => {
    await listening(t.handle);
    const inbox = collect('session:1', t.handle);
    await withTransaction(async (trx) => {
      await publish('session:1', { verdict: 'confirmed' }, trx);
      await settle();
      expect(inbox.received).toEqual([]);
    }, t.handle);
    await eventually(() => inbox.received.length === 1);
    expect(inbox.received).toEqual([{ verdict: 'confirmed' }]);
    inbox.stop();
  });

  it('publishes nothing from a rolled-back transaction', async () => {
    await listening(t.handle);
    const inbox = collect('session:2', t.handle);
    await withTransaction(async (trx) => {
      await publish('session:2', { lost: true }, trx);
      throw new Error('abort');
    }, t.handle).catch(() => undefined);
    await publish('session:2', { after: 'rollback' }, undefined, t.handle);
    await eventually(() => inbox.received.length === 1);
    await settle();
    expect(inbox.received).toEqual([{ after: 'rollback' }]);
    inbox.stop();
  });

  it('delivers payloads larger than a NOTIFY can carry, in publish order', async () => {
    await listening(t.handle);
    const inbox = collect('session:3', t.handle);
    const large = { body: 'x'.repeat(20_000) };
    await publish('session:3', large, undefined, t.handle);
    await publish('session:3', { small: 1 }, undefined, t.handle);
    await eventually(() => inbox.received.length === 2);
    expect(inbox.received).toEqual([large, { small: 1 }]);
    inbox.stop();
  });

  it('stops delivering after unsubscribe, and keeps delivering when one subscriber throws', async () => {
    await listening(t.handle);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stopThrowing = subscribe(
      'session:4',
      () => {
        throw new Error('broken subscriber');
      },
      t.handle,
    );
    const inbox = collect('session:4', t.handle);
    await publish('session:4', 1, undefined, t.handle);
    await eventually(() => inbox.received.length === 1);
    inbox.stop();
    stopThrowing();
    await publish('session:4', 2, undefined, t.handle);
    await settle();
    expect(inbox.received).toEqual([1]);
    expect(logged).toHaveBeenCalledWith('subscriber of session:4 failed', expect.any(Error));
    logged.mockRestore();
  });

  it.runIf(dialect.name === 'postgres')('reaches subscribers of another instance (a second handle)', async () => {
    const other = openDb(t.config);
    try {
      await Promise.all([listening(t.handle), listening(other)]);
      const here = collect('session:5', t.handle);
      const there = collect('session:5', other);
      await withTransaction((trx) => publish('session:5', { from: 'first instance' }, trx), t.handle);
      await eventually(() => here.received.length === 1 && there.received.length === 1);
      expect(there.received).toEqual([{ from: 'first instance' }]);
    } finally {
      await other.close();
    }
  });

  it.runIf(dialect.name === 'postgres')('reconnects its LISTEN connection after losing it and says so', async () => {
    await listening(t.handle);
    const reconnected = collect(RECONNECTED_CHANNEL, t.handle);
    const inbox = collect('session:6', t.handle);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and query = 'LISTEN infra_review_events'`.execute(t.handle.db);
    await eventually(() => reconnected.received.length === 1);
    await publish('session:6', 'after reconnect', undefined, t.handle);
    await eventually(() => inbox.received.length === 1);
    reconnected.stop();
    inbox.stop();
  });
});
