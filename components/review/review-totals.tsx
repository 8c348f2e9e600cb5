import { SeverityBadge } from '@/components/findings/severity-badge';
import type { ReviewResult, SeverityCounts, Side } from '@/lib/pipeline/types';
import { CATEGORIES, SEVERITIES } from '@/lib/rules/types';

/** Sums a side's counts over all categories. */
function totalsOf(review: ReviewResult, side: Side): SeverityCounts {
  const sum: SeverityCounts = { error: 0, warning: 0, info: 0, total: 0, acknowledged: 0, shared: 0 };
  for (const c of CATEGORIES) {
    const counts = review.counts[c][side];
    for (const key of Object.keys(sum) as (keyof SeverityCounts)[]) sum[key] = (sum[key] ?? 0) + (counts[key] ?? 0);
  }
  return sum;
}

/** The overall open-finding totals of both sides (`total-model`, `total-reference` hold the exact number). */
export function ReviewTotals({ review }: { review: ReviewResult }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {(['model', 'reference'] as const).map((side) => (
        <div
          key={side}
          className={`rounded-lg px-4 py-3 ring-1 ${side === 'model' ? 'bg-white ring-slate-300' : 'bg-slate-50 ring-slate-200'}`}
        >
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
            {side === 'model' ? 'Model findings' : 'Reference findings (control)'}
          </p>
          {review[side].status === 'failed' ? (
            <p data-testid={`total-${side}-unavailable`} className="mt-1 text-sm text-red-700">
              Not analyzed: the {side} could not be loaded (see above).
            </p>
          ) : (
            <SideTotal side={side} totals={totalsOf(review, side)} />
          )}
        </div>
      ))}
    </div>
  );
}

/** The big number, severity chips and acknowledged count of one side. */
function SideTotal({ side, totals }: { side: Side; totals: SeverityCounts }) {
  const isModel = side === 'model';
  return (
    <p className="mt-1 flex flex-wrap items-baseline gap-3">
      <span
        data-testid={`total-${side}`}
        className={`font-mono tabular-nums ${isModel ? 'text-3xl font-semibold text-slate-900' : 'text-2xl text-slate-600'}`}
      >
        {totals.total}
      </span>
      <span className="flex flex-wrap gap-1">
        {SEVERITIES.map((s) => (
          <SeverityBadge key={s} severity={s} count={totals[s]} muted={!isModel} />
        ))}
      </span>
      {totals.acknowledged > 0 && <span className="text-xs text-slate-500">{totals.acknowledged} acknowledged</span>}
    </p>
  );
}
