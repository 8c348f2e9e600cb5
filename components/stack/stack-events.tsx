import type { StackEventView } from '@/lib/stack/types';
import { formatInstant, TONE_STYLES, toneOf } from './labels';

const SHOWN = 50;

/** The stack's history as a timeline, newest first; failures (and the rollbacks they start) in red with their reasons. */
export function StackEvents({ events }: { events: readonly StackEventView[] }) {
  if (events.length === 0)
    return (
      <p data-testid="stack-events-empty" className="text-xs text-slate-500">
        No stack events.
      </p>
    );
  const older = events.length - SHOWN;
  return (
    <div className="space-y-1">
      <ol data-testid="stack-events" tabIndex={0} className="max-h-96 space-y-0 overflow-y-auto border-l border-slate-200 pl-3 text-xs">
        {events.slice(0, SHOWN).map((event) => (
          <li key={event.id} data-testid="stack-event" data-failed={event.failed} data-status={event.status} className="relative py-1">
            <span
              aria-hidden
              className={`absolute -left-[17px] top-2 size-2 rounded-full ${TONE_STYLES[event.failed ? 'bad' : toneOf(event.status)].dot}`}
            />
            <div className={event.failed ? 'rounded bg-red-50 px-1.5 py-0.5 text-red-900' : undefined}>
              <p className="flex flex-wrap items-baseline gap-x-2">
                <time dateTime={event.timestamp} className="font-mono text-slate-500">
                  {formatInstant(event.timestamp)}
                </time>
                <span className={`font-mono font-semibold ${event.failed ? 'text-red-700' : 'text-slate-800'}`}>{event.status}</span>
              </p>
              <p className="break-all">
                <span className="font-mono text-slate-800">{event.logicalId}</span>{' '}
                <span className="text-slate-500">{event.resourceType}</span>
              </p>
              {event.reason && (
                <p data-testid="stack-event-reason" className={event.failed ? 'text-red-800' : 'text-slate-500'}>
                  {event.reason}
                </p>
              )}
            </div>
          </li>
        ))}
      </ol>
      {older > 0 && (
        <p className="text-xs text-slate-500">
          {older} older {older === 1 ? 'event' : 'events'} not shown (GET /api/stack/events lists all).
        </p>
      )}
    </div>
  );
}
