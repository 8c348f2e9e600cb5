import type { FindingSide } from '@/lib/stack/types';
import type { SeverityCounts } from '@/lib/pipeline/types';
import { SEVERITIES, type Category } from '@/lib/rules/types';
import { SIDE_LABELS } from './labels';
import { SeverityBadge } from './severity-badge';

/**
 * One side's counts for a category: the unacknowledged total (exact number in `count-<category>-<side>`), severity chips,
 * acknowledged. A `failed` side says so in red; a side with a `note` (e.g. nothing deployed) shows the note instead of counts.
 */
export function SideCounts({
  category,
  side,
  counts,
  failed,
  note,
}: {
  category: Category;
  side: FindingSide;
  counts: SeverityCounts;
  failed?: boolean;
  note?: string;
}) {
  const isModel = side === 'model';
  if (failed || note) {
    const tone = failed ? 'bg-red-50/60 text-red-700 ring-red-200' : 'bg-slate-50 text-slate-600 ring-slate-200';
    return (
      <div className={`flex items-center gap-2 rounded-md px-3 py-2 text-xs ring-1 ring-inset ${tone}`}>
        <span className="w-20 font-medium uppercase tracking-wide">{SIDE_LABELS[side]}</span>
        <span data-testid={`count-${category}-${side}-unavailable`}>
          {failed ? 'not analyzed: the artifact could not be loaded' : note}
        </span>
      </div>
    );
  }
  return (
    <div
      className={`flex flex-wrap items-center gap-2 rounded-md px-3 py-2 ${isModel ? 'bg-white ring-1 ring-slate-200' : 'bg-slate-100/70'}`}
    >
      <span className={`w-20 text-xs font-medium uppercase tracking-wide ${isModel ? 'text-slate-700' : 'text-slate-500'}`}>
        {SIDE_LABELS[side]}
      </span>
      <span className="flex items-baseline gap-1" aria-label={`${SIDE_LABELS[side]}: ${counts.total} open findings`}>
        <span
          data-testid={`count-${category}-${side}`}
          className={`font-mono tabular-nums ${isModel ? 'text-xl font-semibold text-slate-900' : 'text-base font-medium text-slate-600'}`}
        >
          {counts.total}
        </span>
        <span className="text-xs text-slate-500">open</span>
      </span>
      <span className="flex flex-wrap gap-1">
        {SEVERITIES.map((s) => (
          <SeverityBadge key={s} severity={s} count={counts[s]} muted={!isModel} />
        ))}
      </span>
      {counts.acknowledged > 0 && (
        <span data-testid={`acknowledged-${category}-${side}`} className="text-xs text-slate-500">
          {counts.acknowledged} acknowledged
        </span>
      )}
      {(counts.shared ?? 0) > 0 && (
        <span data-testid={`shared-${category}-${side}`} className="text-xs text-slate-500">
          {counts.shared} shared with the reference
        </span>
      )}
    </div>
  );
}
