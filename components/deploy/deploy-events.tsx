import type { StackEventView } from '@/lib/aws/cloudformation';

/** Stack events of a deploy, newest first; failed operations and the rollbacks they start are red, with their reasons. */
export function DeployEvents({ events }: { events: readonly StackEventView[] }) {
  if (events.length === 0) return <p className="text-xs text-slate-500">No stack events yet.</p>;
  return (
    <ol
      data-testid="deploy-events"
      tabIndex={0}
      className="max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md bg-white text-xs ring-1 ring-slate-200"
    >
      {events.map((event) => (
        <li
          key={event.id}
          data-testid="deploy-event"
          data-failed={event.failed}
          className={`grid grid-cols-[7rem_1fr] gap-2 px-3 py-1.5 ${event.failed ? 'bg-red-50 text-red-900' : ''}`}
        >
          <time dateTime={event.timestamp} className="font-mono text-slate-500">
            {event.timestamp.slice(11, 19)}
          </time>
          <div>
            <span className="font-mono">{event.logicalId}</span> <span className="text-slate-500">{event.resourceType}</span>{' '}
            <span className="font-semibold">{event.status}</span>
            {event.reason && <p className={event.failed ? 'text-red-800' : 'text-slate-500'}>{event.reason}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
