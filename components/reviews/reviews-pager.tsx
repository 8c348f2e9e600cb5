import Link from 'next/link';
import type { ReviewListPageQuery } from '@/lib/reviews/input';
import { REVIEW_PAGE_SIZES } from '@/lib/reviews/plan-types';
import { reviewsHref } from './list-url';

const LINK = 'rounded-md px-2 py-1 ring-1 ring-slate-300 hover:bg-slate-50';

/**
 * Where the list is: "27–51 of 130", previous/next pages and the page size, all as links that keep filters and sort.
 * `count.pinned` reviews (the bundled one) sit above the first page's `size` stored ones.
 */
export function ReviewsPager({
  query,
  count,
  shown,
}: {
  query: ReviewListPageQuery;
  count: { stored: number; pinned: number };
  shown: number;
}) {
  const size = query.size ?? REVIEW_PAGE_SIZES[0];
  const page = query.page ?? 1;
  const total = count.stored + count.pinned;
  const pages = Math.max(1, Math.ceil(count.stored / size));
  const first = shown === 0 ? 0 : page === 1 ? 1 : count.pinned + (page - 1) * size + 1;
  return (
    <nav aria-label="Pages of reviews" data-testid="reviews-pager" className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
      <span data-testid="reviews-range">
        {first}–{first === 0 ? 0 : first + shown - 1} of {total}
      </span>
      <span className="flex gap-1">
        {page > 1 ? (
          <Link href={reviewsHref(query, { page: Math.min(page - 1, pages) })} prefetch={false} className={LINK} data-testid="reviews-prev">
            Previous
          </Link>
        ) : null}
        <span aria-current="page" className="px-2 py-1" data-testid="reviews-page">
          Page {page} of {pages}
        </span>
        {page < pages ? (
          <Link href={reviewsHref(query, { page: page + 1 })} prefetch={false} className={LINK} data-testid="reviews-next">
            Next
          </Link>
        ) : null}
      </span>
      <span className="ml-auto flex items-center gap-1">
        Per page
        {REVIEW_PAGE_SIZES.map((n) =>
          n === size ? (
            <span key={n} aria-current="true" className="rounded-md bg-slate-800 px-2 py-1 text-white">
              {n}
            </span>
          ) : (
            <Link
              key={n}
              href={reviewsHref(query, { size: n, page: 1 })}
              prefetch={false}
              className={LINK}
              data-testid={`reviews-size-${n}`}
            >
              {n}
            </Link>
          ),
        )}
      </span>
    </nav>
  );
}
