import crypto from 'node:crypto';
import type { AuthedUser } from '../auth/authorize';
import type { DbHandle } from '../db/connection';
import { listening, RECONNECTED_CHANNEL, subscribe } from '../db/notify';
import { removePresence, touchPresence } from '../db/queries/presence';
import { resolveDeps, type AuditSessionDeps } from './context';
import { formatSse, isSessionEvent, publishSessionEvents, sessionChannel, sessionEvent } from './events';
import { listSessionPresence, pruneStalePresence } from './presence';
import { requireSession } from './sessions';

/** This app instance, as recorded with each presence row. */
export const INSTANCE_ID = crypto.randomUUID();

/** Timings of a live connection; tests shorten them. */
export interface LiveTimings {
  heartbeatMs: number;
  presenceMs: number;
}

const DEFAULT_TIMINGS: LiveTimings = { heartbeatMs: 15_000, presenceMs: 10_000 };

/** Response headers of the event stream. */
export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
};

/**
 * The session's live events as Server-Sent Events, from every instance (lib/db/notify), until `signal` aborts:
 * `ready` first, then each event, `: ping` comments, `resync` after a lost LISTEN connection. The connection counts
 * as presence (heartbeat rows); its join and leave publish the presence list. `not_found:session` for unknown ids.
 */
export async function openSessionEvents(
  { sessionId, user, signal }: { sessionId: string; user: AuthedUser; signal: AbortSignal },
  deps?: AuditSessionDeps & { timings?: Partial<LiveTimings> },
): Promise<ReadableStream<Uint8Array>> {
  const { handle } = resolveDeps(deps);
  await requireSession({ sessionId }, handle.db);
  const live = new LiveConnection(handle, sessionId, user.id, { ...DEFAULT_TIMINGS, ...deps?.timings });
  return new ReadableStream<Uint8Array>({
    start: (controller) => {
      signal.addEventListener('abort', () => void live.close(), { once: true });
      // The stream is returned at once; joining (LISTEN, presence) continues in the background.
      void live.open(controller, signal).catch((error) => {
        console.error('live session connection failed', error);
        void live.close();
      });
    },
    cancel: () => live.close(),
  });
}

/** One client's subscription to a session: its event relay, heartbeats and presence row. */
class LiveConnection {
  readonly #connectionId = crypto.randomUUID();
  readonly #encoder = new TextEncoder();
  readonly #cleanups: Array<() => void> = [];
  #controller?: ReadableStreamDefaultController<Uint8Array>;
  #closed = false;
  #lastPresence = '';

  constructor(
    private readonly handle: DbHandle,
    private readonly sessionId: string,
    private readonly userId: string,
    private readonly timings: LiveTimings,
  ) {}

  /** Subscribes, announces `ready`, registers presence and starts the timers. */
  async open(controller: ReadableStreamDefaultController<Uint8Array>, signal: AbortSignal): Promise<void> {
    this.#controller = controller;
    this.#cleanups.push(
      subscribe(sessionChannel(this.sessionId), (payload) => this.#relay(payload), this.handle),
      subscribe(RECONNECTED_CHANNEL, () => this.#send('event: resync\ndata: {}\n\n'), this.handle),
    );
    const heartbeat = setInterval(() => this.#send(': ping\n\n'), this.timings.heartbeatMs);
    const presence = setInterval(() => void this.#refreshPresence(), this.timings.presenceMs);
    this.#cleanups.push(
      () => clearInterval(heartbeat),
      () => clearInterval(presence),
    );
    await listening(this.handle);
    this.#send(`retry: 2000\nevent: ready\ndata: ${JSON.stringify({ connectionId: this.#connectionId })}\n\n`);
    await touchPresence(this.#presenceRow(), this.handle.db);
    await pruneStalePresence(this.handle.db);
    // An abort while joining ran close() before the presence row existed: remove it again.
    if (this.#closed || signal.aborted) return this.#leave();
    await this.#publishPresence();
  }

  /** Stops everything, forgets this connection's presence and tells the others; safe to call more than once. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    try {
      this.#controller?.close();
    } catch {
      // The client already went away.
    }
    await this.#leave();
  }

  async #leave(): Promise<void> {
    try {
      await removePresence({ connectionId: this.#connectionId }, this.handle.db);
      await this.#publishPresence();
    } catch (error) {
      console.error('presence cleanup failed', error);
    }
  }

  #relay(payload: unknown): void {
    if (!isSessionEvent(payload)) return;
    if (payload.type === 'presence') this.#lastPresence = JSON.stringify(payload.data);
    this.#send(formatSse(payload));
  }

  /** Refreshes the heartbeat; tells this client (only) when others expired without a goodbye. */
  async #refreshPresence(): Promise<void> {
    if (this.#closed) return;
    try {
      await touchPresence(this.#presenceRow(), this.handle.db);
      const list = await listSessionPresence({ sessionId: this.sessionId }, this.handle.db);
      const json = JSON.stringify(list);
      if (json !== this.#lastPresence) this.#send(formatSse(sessionEvent('presence', this.sessionId, list)));
      this.#lastPresence = json;
    } catch (error) {
      console.error('presence heartbeat failed', error);
    }
  }

  async #publishPresence(): Promise<void> {
    const list = await listSessionPresence({ sessionId: this.sessionId }, this.handle.db);
    await publishSessionEvents([sessionEvent('presence', this.sessionId, list)], undefined, this.handle);
  }

  #presenceRow() {
    return { connectionId: this.#connectionId, sessionId: this.sessionId, userId: this.userId, instanceId: INSTANCE_ID };
  }

  #send(text: string): void {
    if (this.#closed || !this.#controller) return;
    try {
      this.#controller.enqueue(this.#encoder.encode(text));
    } catch {
      void this.close();
    }
  }
}
