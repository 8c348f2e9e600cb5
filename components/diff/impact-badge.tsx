import { DESTRUCTIVE_IMPACTS, type Impact } from '@/lib/diff/types';

/** Label and Tailwind classes for each impact: the one place impact wording and colors are chosen; destructive ones are red. */
export const IMPACT_STYLES: Readonly<Record<Impact, { label: string; chip: string }>> = {
  create: { label: 'create', chip: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20' },
  update: { label: 'update', chip: 'bg-sky-50 text-sky-700 ring-sky-600/20' },
  'may-replace': { label: 'may replace', chip: 'bg-red-100 font-semibold text-red-900 ring-red-600/60' },
  replace: { label: 'replace', chip: 'bg-red-700 font-semibold text-white ring-red-800' },
  destroy: { label: 'destroy', chip: 'bg-red-700 font-semibold text-white ring-red-800' },
  orphan: { label: 'orphan', chip: 'bg-red-50 font-semibold text-red-800 ring-red-600/50' },
  import: { label: 'import', chip: 'bg-violet-50 text-violet-700 ring-violet-600/20' },
  none: { label: 'no change', chip: 'bg-slate-50 text-slate-500 ring-slate-300' },
};

/** A pill naming what deploying the change does to a resource (or property); destructive ones red with a warning sign, replace and destroy solid. */
export function ImpactBadge({ impact }: { impact: Impact }) {
  const style = IMPACT_STYLES[impact];
  return (
    <span
      data-testid="impact-badge"
      data-impact={impact}
      className={`inline-flex shrink-0 items-center rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${style.chip}`}
    >
      {DESTRUCTIVE_IMPACTS.includes(impact) && <span aria-hidden>⚠&nbsp;</span>}
      {style.label}
    </span>
  );
}
