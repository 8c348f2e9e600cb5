import { VERDICT_LABELS, VERDICT_VALUES } from '@/lib/audit/verdict-labels';
import type { VerdictValue } from './types';

const COLORS: Record<VerdictValue, { pressed: string; chip: string }> = {
  confirmed: { pressed: 'bg-red-600 text-white ring-red-600', chip: 'bg-red-50 text-red-700 ring-red-600/20' },
  false_positive: { pressed: 'bg-slate-700 text-white ring-slate-700', chip: 'bg-slate-100 text-slate-700 ring-slate-400/40' },
  accepted_risk: { pressed: 'bg-amber-500 text-white ring-amber-500', chip: 'bg-amber-50 text-amber-800 ring-amber-600/25' },
  needs_discussion: { pressed: 'bg-sky-600 text-white ring-sky-600', chip: 'bg-sky-50 text-sky-700 ring-sky-600/20' },
};

/** Words (the export's) and colors for each verdict. */
export const VERDICT_STYLES: Record<VerdictValue, { label: string; pressed: string; chip: string }> = Object.fromEntries(
  VERDICT_VALUES.map((v) => [v, { label: VERDICT_LABELS[v], ...COLORS[v] }]),
) as Record<VerdictValue, { label: string; pressed: string; chip: string }>;
