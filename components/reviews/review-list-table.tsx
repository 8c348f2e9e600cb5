import Link from 'next/link';
import { ui } from '@/components/admin/styles';
import type { ReviewListItem } from '@/lib/reviews/registry';
import { CATEGORIES, SEVERITIES } from '@/lib/rules/types';

const STATUS_STYLE: Record<string, string> = {
  analyzed: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  pending: 'bg-slate-50 text-slate-700 ring-slate-200',
  partial: 'bg-amber-50 text-amber-900 ring-amber-200',
  unsupported: 'bg-slate-100 text-slate-600 ring-slate-300',
  failed: 'bg-red-50 text-red-900 ring-red-200',
};

/** The reviews as a table: name (a link to the review), platform, status with its note, open model findings per category and severity. */
export function ReviewListTable({ reviews }: { reviews: ReviewListItem[] }) {
  if (reviews.length === 0)
    return (
      <p data-testid="reviews-list" className="text-sm text-slate-600">
        No review matches these filters.
      </p>
    );
  return (
    <div tabIndex={0} className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table data-testid="reviews-list" className={ui.table}>
        <thead>
          <tr>
            <th className={ui.th}>Review</th>
            <th className={ui.th}>Platform</th>
            <th className={ui.th}>Status</th>
            {CATEGORIES.map((c) => (
              <th key={c} className={ui.th} title={`Open model findings: ${c}`}>
                {c.slice(0, 5)}
              </th>
            ))}
            {SEVERITIES.map((s) => (
              <th key={s} className={ui.th} title={`Open model findings: ${s}`}>
                {s}
              </th>
            ))}
            <th className={ui.th}>Created</th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((review) => (
            <tr
              key={review.id}
              data-testid="review-row"
              data-review-id={review.id}
              data-status={review.status}
              data-platform={review.platform}
            >
              <td className={ui.td}>
                <Link
                  href={`/review/${review.id}`}
                  prefetch={false}
                  className="font-medium text-slate-900 underline-offset-2 hover:underline"
                  data-testid="review-link"
                >
                  {review.name}
                </Link>
                <div className="font-mono text-xs text-slate-500">
                  {review.id} · {review.kind}
                </div>
              </td>
              <td className={ui.td}>
                {review.platform}/{review.language}
              </td>
              <td className={ui.td}>
                <span
                  className={`rounded px-1.5 py-0.5 text-xs ring-1 ${STATUS_STYLE[review.status] ?? STATUS_STYLE.pending}`}
                  data-testid="review-status"
                >
                  {review.status === 'unsupported' ? 'not supported' : review.status}
                </span>
                {review.statusNote && <div className="mt-1 max-w-xs text-xs text-slate-500">{review.statusNote}</div>}
              </td>
              {[...CATEGORIES, ...SEVERITIES].map((key) => (
                <td
                  key={key}
                  className={`${ui.td} text-right tabular-nums ${review.counts[key] > 0 ? 'text-slate-900' : 'text-slate-300'}`}
                  data-testid={`review-count-${key}`}
                >
                  {review.analyzed ? review.counts[key] : '–'}
                </td>
              ))}
              <td className={`${ui.td} whitespace-nowrap text-xs text-slate-500`}>
                {review.createdAt ? `${review.createdAt.slice(0, 16).replace('T', ' ')} · ${review.createdBy}` : 'bundled'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
