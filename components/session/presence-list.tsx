import type { LiveStatus } from './use-session-events';
import type { PresenceView } from './types';

const LIVE_LABEL: Record<LiveStatus, { text: string; dot: string }> = {
  live: { text: 'live', dot: 'bg-emerald-500' },
  connecting: { text: 'connecting…', dot: 'bg-amber-400' },
  offline: { text: 'offline, retrying', dot: 'bg-red-500' },
};

/** Who is in the session now (one initials avatar and name per participant), and the state of the live connection. */
export function PresenceList({ presence, live }: { presence: PresenceView[]; live: LiveStatus }) {
  const people = [...new Map(presence.map((p) => [p.userId, p])).values()];
  return (
    <div className="flex items-center gap-2 text-xs">
      <span className="flex items-center gap-1 text-slate-500" data-testid="live-status" data-status={live}>
        <span aria-hidden className={`size-1.5 rounded-full ${LIVE_LABEL[live].dot}`} />
        {LIVE_LABEL[live].text}
      </span>
      <ul data-testid="presence" aria-label="In this session" className="flex flex-wrap items-center gap-1.5">
        {people.map((p) => (
          <li
            key={p.userId}
            data-testid="presence-user"
            data-user-id={p.userId}
            className="flex items-center gap-1 text-slate-700"
            title={p.userLabel}
          >
            <span aria-hidden className="grid size-5 place-items-center rounded-full bg-slate-700 text-[10px] font-semibold text-white">
              {initials(p.userLabel)}
            </span>
            <span>{p.userLabel}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function initials(label: string): string {
  const words = label
    .replace(/@.*/, '')
    .split(/[\s._-]+/)
    .filter(Boolean);
  return (words.length > 1 ? words[0][0] + words[1][0] : label.slice(0, 2)).toUpperCase();
}
