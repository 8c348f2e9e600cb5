import { EventEmitter } from 'node:events';
import { sql, type Kysely, type Transaction } from 'kysely';
import { afterCommit, configOf, getDb, handleOfTransaction, onClose, type DbHandle } from './connection';
import { processGlobal } from './process-global';
import { PG_CHANNEL, PgListener, type WireMessage } from './pg-listener';
import { insertNotifyPayload } from './queries/notify-payloads';
import type { Database } from './schema';

export { RECONNECTED_CHANNEL } from './pg-listener';

// PostgreSQL caps a NOTIFY payload at 8000 bytes. Larger payloads go to notify_payloads in the same transaction and
// the notification carries the row id; rows are swept after PAYLOAD_RETENTION_MS. Keep payloads small by design
// (ids and changed fields) so the common path is one NOTIFY.
const MAX_INLINE_BYTES = 7_000;
const PAYLOAD_RETENTION_MS = 10 * 60_000;

interface Bus {
  emitter: EventEmitter;
  listener?: PgListener;
}

const buses = processGlobal('buses', () => new WeakMap<DbHandle, Bus>());

/**
 * Publishes `payload` (JSON) to every subscriber of `channel` in every instance. With `trx` it is delivered only if
 * and after that transaction commits (on SQLite `trx` must come from withTransaction); without, right away.
 */
export async function publish(channel: string, payload: unknown, trx?: Transaction<Database>, handle?: DbHandle): Promise<void> {
  const owner = (trx && handleOfTransaction(trx)) ?? handle ?? getDb();
  const body = JSON.stringify(payload ?? null);
  if (owner.dialect === 'sqlite') {
    const deliver = () => busOf(owner).emitter.emit(channel, JSON.parse(body));
    if (trx) afterCommit(trx, deliver);
    else queueMicrotask(deliver);
    return;
  }
  if (trx) await notifyPostgres(trx, channel, body);
  else await owner.db.transaction().execute((autonomous) => notifyPostgres(autonomous, channel, body));
}

/** Calls `listener` with each payload published on `channel` (from any instance); returns the unsubscribe function. */
export function subscribe(channel: string, listener: (payload: unknown) => void, handle: DbHandle = getDb()): () => void {
  const { emitter } = busOf(handle);
  const guarded = (payload: unknown) => {
    try {
      listener(payload);
    } catch (error) {
      console.error(`subscriber of ${channel} failed`, error);
    }
  };
  emitter.on(channel, guarded);
  return () => emitter.off(channel, guarded);
}

/** Resolves once this handle's instance receives notifications (PostgreSQL LISTEN is up); immediate on SQLite. */
export async function listening(handle: DbHandle = getDb()): Promise<void> {
  await busOf(handle).listener?.ready;
}

async function notifyPostgres(trx: Kysely<Database>, channel: string, body: string): Promise<void> {
  let message: WireMessage = { c: channel, p: JSON.parse(body) };
  let wire = JSON.stringify(message);
  if (Buffer.byteLength(wire) > MAX_INLINE_BYTES) {
    const id = await insertNotifyPayload({ channel, body, retentionMs: PAYLOAD_RETENTION_MS }, trx);
    message = { c: channel, r: id };
    wire = JSON.stringify(message);
  }
  await sql`select pg_notify(${PG_CHANNEL}, ${wire})`.execute(trx);
}

function busOf(handle: DbHandle): Bus {
  let bus = buses.get(handle);
  if (bus) return bus;
  const emitter = new EventEmitter();
  // Every live SSE connection subscribes, so the default warning at 10 listeners would be noise.
  emitter.setMaxListeners(0);
  bus = { emitter };
  const config = configOf(handle);
  if (config.dialect === 'postgres') {
    const listener = new PgListener(config.url, handle, emitter);
    bus.listener = listener;
    onClose(handle, () => listener.close());
  }
  buses.set(handle, bus);
  return bus;
}
