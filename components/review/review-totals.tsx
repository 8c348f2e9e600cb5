import type { ReviewResult, Side } from '@/lib/review/types';
import { CATEGORIES, SEVERITIES } from '@/lib/rules/types';
import { SeverityBadge } from '@/components/findings/severity-badge';

/** Sums a side's counts over all categories. */
function totalsOf(review: ReviewResult, side: Side) {
  const sum = { error: 0, warning: 0, info: 0, total: 0, acknowledged: 0 };
  for (const c of CATEGORIES) {
    const counts = review.counts[c][side];
    for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += counts[key];
  }
  return sum;
}

/** The overall open-finding totals of both sides (`total-model`, `total-reference` hold the exact number). */
export function ReviewTotals({ review }: { review: ReviewResult }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {(['model', 'reference'] as const).map((side) => {
        const t = totalsOf(review, side);
        const isModel = side === 'model';
        return (
          <div
            key={side}
            className={`rounded-lg px-4 py-3 ring-1 ${isModel ? 'bg-white ring-slate-300' : 'bg-slate-50 ring-slate-200'}`}
          >
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
              {isModel ? 'Model findings' : 'Reference findings (control)'}
            </p>
            <p className="mt-1 flex flex-wrap items-baseline gap-3">
              <span
                data-testid={`total-${side}`}
                className={`font-mono tabular-nums ${isModel ? 'text-3xl font-semibold text-slate-900' : 'text-2xl text-slate-600'}`}
              >
                {t.total}
              </span>
              <span className="flex flex-wrap gap-1">
                {SEVERITIES.map((s) => (
                  <SeverityBadge key={s} severity={s} count={t[s]} muted={!isModel} />
                ))}
              </span>
              {t.acknowledged > 0 && <span className="text-xs text-slate-500">{t.acknowledged} acknowledged</span>}
            </p>
          </div>
        );
      })}
    </div>
  );
}
