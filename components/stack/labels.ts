/** How a CloudFormation status reads in the panel: the one place stack and event colors are chosen. */
export type StatusTone = 'good' | 'busy' | 'bad' | 'idle';

/** Tailwind classes of each tone: a chip and a timeline dot. */
export const TONE_STYLES: Readonly<Record<StatusTone, { chip: string; dot: string }>> = {
  good: { chip: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20', dot: 'bg-emerald-500' },
  busy: { chip: 'bg-sky-50 text-sky-700 ring-sky-600/20', dot: 'bg-sky-500' },
  bad: { chip: 'bg-red-50 text-red-700 ring-red-600/25', dot: 'bg-red-500' },
  idle: { chip: 'bg-slate-100 text-slate-600 ring-slate-300', dot: 'bg-slate-400' },
};

/**
 * The tone of a stack or event status: failures and anything rolled back are bad, work in flight busy, a finished
 * create, update or import good; the rest (REVIEW_IN_PROGRESS, DELETE_COMPLETE, ...) idle.
 */
export function toneOf(status: string): StatusTone {
  if (/FAILED|ROLLBACK/.test(status)) return 'bad';
  if (status === 'REVIEW_IN_PROGRESS') return 'idle';
  if (status.endsWith('_IN_PROGRESS')) return 'busy';
  if (/^(CREATE|UPDATE|IMPORT)_COMPLETE$/.test(status)) return 'good';
  return 'idle';
}

/** `2025-01-31 12:00:05 UTC` from an ISO timestamp (the same on server and client). */
export function formatInstant(iso: string): string {
  return `${iso.replace('T', ' ').slice(0, 19)} UTC`;
}
