import Link from 'next/link';
import { ui } from '@/components/admin/styles';
import type { ReviewListPageQuery } from '@/lib/reviews/input';
import type { ReviewSort } from '@/lib/reviews/plan-types';
import type { ReviewListItem } from '@/lib/reviews/registry';
import type { ListedCoverage } from '@/lib/reviews/summary';
import { CATEGORIES, SEVERITIES } from '@/lib/rules/types';
import { defaultOrder, sortHref } from './list-url';

// Headers in sentence case and full words: the admin tables' uppercase, tracked style made 'synta'/'deplo' unreadable.
const TH = 'border-b border-slate-200 px-2 py-1.5 text-xs font-semibold text-slate-700';
const LABELS: Record<string, string> = {
  syntax: 'Syntax',
  deployment: 'Deployment',
  security: 'Security',
  performance: 'Performance',
  observability: 'Observability',
  error: 'Errors',
  warning: 'Warnings',
  info: 'Info',
};

const STATUS_STYLE: Record<string, string> = {
  analyzed: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  pending: 'bg-slate-50 text-slate-700 ring-slate-200',
  partial: 'bg-amber-50 text-amber-900 ring-amber-200',
  unsupported: 'bg-slate-100 text-slate-600 ring-slate-300',
  failed: 'bg-red-50 text-red-900 ring-red-200',
};

/** A column header that sorts the list by its column (a link, so the sort is in the URL), with the current order announced. */
function SortHeader({
  query,
  sort,
  label,
  className = '',
}: {
  query: ReviewListPageQuery;
  sort: ReviewSort;
  label: string;
  className?: string;
}) {
  const active = (query.sort ?? 'created') === sort;
  const order = active ? (query.order ?? defaultOrder(sort)) : undefined;
  return (
    <th
      scope="col"
      rowSpan={2}
      className={`${TH} ${className}`}
      aria-sort={order ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <Link
        href={sortHref(query, sort)}
        prefetch={false}
        data-testid={`reviews-sort-${sort}`}
        className="inline-flex items-center gap-1 hover:underline"
      >
        {label}
        <span aria-hidden="true" className="text-slate-500">
          {order === 'asc' ? '▲' : order === 'desc' ? '▼' : '↕'}
        </span>
      </Link>
    </th>
  );
}

/** Coverage against the human review: found of listed, with the percentage; a dash without a human review. */
function CoverageCell({ coverage }: { coverage: ListedCoverage | null }) {
  if (!coverage)
    return (
      <span className="text-slate-500" title="No human MODEL_FAILURES.md, or not analyzed yet">
        –
      </span>
    );
  return (
    <span title={`${coverage.found} of the ${coverage.failures} failures in MODEL_FAILURES.md found`}>
      {Math.round(coverage.ratio * 100)}%{' '}
      <span className="text-xs text-slate-500">
        ({coverage.found}/{coverage.failures})
      </span>
    </span>
  );
}

/** The reviews as a table: name (a link to the review), platform, status with its note, coverage, open model findings per category and severity; headers sort. */
export function ReviewListTable({ reviews, query = {} }: { reviews: ReviewListItem[]; query?: ReviewListPageQuery }) {
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
            <SortHeader query={query} sort="name" label="Review" />
            <th scope="col" rowSpan={2} className={TH}>
              Platform
            </th>
            <th scope="col" rowSpan={2} className={TH}>
              Status
            </th>
            <SortHeader query={query} sort="coverage" label="Coverage" className="text-right" />
            <SortHeader query={query} sort="findings" label="Open findings" className="text-right" />
            <th scope="colgroup" colSpan={CATEGORIES.length} className={`${TH} text-center`}>
              By category
            </th>
            <th scope="colgroup" colSpan={SEVERITIES.length} className={`${TH} text-center`}>
              By severity
            </th>
            <SortHeader query={query} sort="created" label="Created" />
          </tr>
          <tr>
            {[...CATEGORIES, ...SEVERITIES].map((key) => (
              <th key={key} scope="col" className={`${TH} text-right font-medium`}>
                {LABELS[key]}
              </th>
            ))}
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
              <td className={`${ui.td} whitespace-nowrap text-right tabular-nums`} data-testid="review-coverage">
                {review.analyzed ? <CoverageCell coverage={review.coverage} /> : '–'}
              </td>
              <td className={`${ui.td} text-right tabular-nums`} data-testid="review-findings-total">
                {review.analyzed ? review.counts.error + review.counts.warning + review.counts.info : '–'}
              </td>
              {[...CATEGORIES, ...SEVERITIES].map((key) => (
                <td
                  key={key}
                  className={`${ui.td} text-right tabular-nums ${review.counts[key] > 0 ? 'text-slate-900' : 'text-slate-500'}`}
                  data-testid={`review-count-${key}`}
                >
                  {review.analyzed ? review.counts[key] : '–'}
                </td>
              ))}
              <td className={`${ui.td} whitespace-nowrap text-xs text-slate-500`}>
                {review.createdAt ? `${review.createdAt.slice(0, 16).replace('T', ' ')} · ${review.createdBy}` : 'bundled · pinned first'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
