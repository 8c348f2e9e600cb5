'use client';

import { useEffect, useRef, useState } from 'react';
import type { SessionStreamEvent } from './types';

const EVENT_TYPES = ['verdict', 'comment', 'line-comment', 'manual-finding', 'signoff', 'closed', 'presence', 'resync'] as const;
const MAX_BACKOFF_MS = 15_000;

/** State of the live connection, for a small indicator. */
export type LiveStatus = 'connecting' | 'live' | 'offline';

/**
 * Subscribes to `/api/sessions/<id>/events` and calls `onEvent` once per eventId (named or unnamed SSE messages).
 * EventSource retries dropped connections itself; when it gives up (an HTTP error) this reopens it with backoff.
 * `onReconnect` runs on every reopening after the first, so the caller can refetch what it missed meanwhile.
 */
export function useSessionEvents(sessionId: string, onEvent: (event: SessionStreamEvent) => void, onReconnect: () => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handlers = useRef({ onEvent, onReconnect });
  useEffect(() => {
    handlers.current = { onEvent, onReconnect };
  });

  useEffect(() => {
    const seen = new Set<string>();
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let opened = false;
    let disposed = false;

    const receive = (message: MessageEvent<string>) => {
      if (message.type === 'resync') return handlers.current.onEvent({ type: 'resync', sessionId, data: null, at: '', eventId: '' });
      let event: SessionStreamEvent;
      try {
        event = JSON.parse(message.data) as SessionStreamEvent;
      } catch {
        return;
      }
      if (!event || typeof event.type !== 'string') return; // `ready` and anything else that is not a session event
      if (event.eventId) {
        if (seen.has(event.eventId)) return;
        seen.add(event.eventId);
      }
      handlers.current.onEvent(event);
    };

    const connect = () => {
      source = new EventSource(`/api/sessions/${encodeURIComponent(sessionId)}/events`);
      source.onopen = () => {
        setStatus('live');
        if (opened) handlers.current.onReconnect();
        opened = true;
        attempts = 0;
      };
      source.onerror = () => {
        if (disposed || !source) return;
        setStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
        if (source.readyState === EventSource.CLOSED) {
          source.close();
          const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempts++);
          retryTimer = setTimeout(connect, delay);
        }
      };
      source.onmessage = receive;
      for (const type of EVENT_TYPES) source.addEventListener(type, receive);
    };

    connect();
    return () => {
      disposed = true;
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [sessionId]);

  return status;
}
