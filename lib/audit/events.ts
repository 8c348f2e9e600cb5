import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DbHandle } from '../db/connection';
import { publish } from '../db/notify';
import type { Database } from '../db/schema';
import type { SessionEvent, SessionEventType } from './types';

/** The notify channel of one session's live events. */
export function sessionChannel(sessionId: string): string {
  return `session:${sessionId}`;
}

/** A new event with its own id and time. */
export function sessionEvent<T>(type: SessionEventType, sessionId: string, data: T, key?: string): SessionEvent<T> {
  const event: SessionEvent<T> = { type, sessionId, data, at: new Date().toISOString(), eventId: crypto.randomUUID() };
  if (key !== undefined) event.key = key;
  return event;
}

/** Publishes events on the session's channel: with `trx` (from withTransaction) they are delivered only once it commits. */
export async function publishSessionEvents(events: SessionEvent[], trx?: Transaction<Database>, handle?: DbHandle): Promise<void> {
  for (const event of events) await publish(sessionChannel(event.sessionId), event, trx, handle);
}

/** True when a notify payload is a session event (anything else on the channel is ignored). */
export function isSessionEvent(payload: unknown): payload is SessionEvent {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    typeof (payload as SessionEvent).type === 'string' &&
    typeof (payload as SessionEvent).sessionId === 'string'
  );
}

/** One event in Server-Sent Events framing: `id`, `event: <type>`, `data: <json>`. */
export function formatSse(event: SessionEvent): string {
  return `id: ${event.eventId}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
