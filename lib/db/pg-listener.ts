import type { EventEmitter } from 'node:events';
import pg from 'pg';
import type { DbHandle } from './connection';
import { getNotifyPayloadBodyById } from './queries/notify-payloads';

/** The one PostgreSQL channel every app notification travels on; the app's channel name is inside the message. */
export const PG_CHANNEL = 'infra_review_events';

/** Emitted locally after the LISTEN connection came back: notifications may have been missed, so state should be reloaded. */
export const RECONNECTED_CHANNEL = 'notify:reconnected';

/** A NOTIFY message: the payload inline, or the id of its row in notify_payloads when too large for NOTIFY. */
export type WireMessage = { c: string; p: unknown } | { c: string; r: string };

const MAX_BACKOFF_MS = 5_000;

/**
 * One dedicated connection per handle that LISTENs and re-emits messages on `emitter`, in order. On error it
 * reconnects with backoff and emits RECONNECTED_CHANNEL, since NOTIFY does not replay what was sent meanwhile.
 */
export class PgListener {
  /** Resolves when the first LISTEN is in place (it keeps retrying while the server is unreachable). */
  readonly ready: Promise<void>;
  #markReady: () => void = () => undefined;
  #client: pg.Client | undefined;
  #closed = false;
  #connectedOnce = false;
  #backoffMs = 100;
  #delivery: Promise<void> = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly handle: DbHandle,
    private readonly emitter: EventEmitter,
  ) {
    this.ready = new Promise((resolve) => (this.#markReady = resolve));
    this.#attempt();
  }

  /** Stops listening for good. */
  async close(): Promise<void> {
    this.#closed = true;
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
    await this.#delivery;
  }

  #attempt(): void {
    this.#connect().then(
      () => {
        this.#backoffMs = 100;
        if (this.#connectedOnce) this.emitter.emit(RECONNECTED_CHANNEL, null);
        this.#connectedOnce = true;
        this.#markReady();
      },
      (error: Error) => {
        if (this.#closed) return;
        console.error('LISTEN connection failed:', error.message);
        this.#retryLater();
      },
    );
  }

  #retryLater(): void {
    const delay = this.#backoffMs;
    this.#backoffMs = Math.min(this.#backoffMs * 2, MAX_BACKOFF_MS);
    setTimeout(() => this.#closed || this.#attempt(), delay).unref();
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      if (message.channel === PG_CHANNEL && message.payload) this.#enqueue(message.payload);
    });
    client.on('error', () => this.#drop(client));
    client.on('end', () => this.#drop(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${PG_CHANNEL}`);
    } catch (error) {
      client.end().catch(() => undefined);
      throw error;
    }
    if (this.#closed) {
      await client.end();
      return;
    }
    this.#client = client;
  }

  #drop(client: pg.Client): void {
    if (this.#closed || this.#client !== client) return;
    this.#client = undefined;
    client.end().catch(() => undefined);
    this.#retryLater();
  }

  /** Chains deliveries so a large payload being fetched does not let later messages overtake it. */
  #enqueue(raw: string): void {
    this.#delivery = this.#delivery.then(async () => {
      try {
        const message = JSON.parse(raw) as WireMessage;
        const payload = 'r' in message ? await this.#fetchLarge(message.r) : message.p;
        this.emitter.emit(message.c, payload);
      } catch (error) {
        console.error('dropping undeliverable notification', error);
      }
    });
  }

  async #fetchLarge(id: string): Promise<unknown> {
    return JSON.parse(await getNotifyPayloadBodyById({ id }, this.handle.db));
  }
}
