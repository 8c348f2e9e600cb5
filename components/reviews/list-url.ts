import type { ReviewListPageQuery } from '@/lib/reviews/input';
import { REVIEW_PAGE_SIZES, type ReviewSort } from '@/lib/reviews/plan-types';

/** The order a column sorts in when first chosen: names A→Z, everything else largest or newest first. */
export function defaultOrder(sort: ReviewSort): 'asc' | 'desc' {
  return sort === 'name' ? 'asc' : 'desc';
}

/** The /reviews URL of `query` with `changes` applied; unset values and defaults are left out, so links stay short. */
export function reviewsHref(query: ReviewListPageQuery, changes: Partial<ReviewListPageQuery> = {}): string {
  const merged: Partial<ReviewListPageQuery> = { ...query, ...changes };
  if (merged.page === 1) delete merged.page;
  if (merged.size === REVIEW_PAGE_SIZES[0]) delete merged.size;
  if (merged.sort === 'created') delete merged.sort;
  if (merged.order && merged.order === defaultOrder(merged.sort ?? 'created')) delete merged.order;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `/reviews?${search}` : '/reviews';
}

/** The link of a column header: the same column flips the order, another column starts at its default order; back to page 1. */
export function sortHref(query: ReviewListPageQuery, sort: ReviewSort): string {
  const current = query.sort ?? 'created';
  const order = current === sort ? ((query.order ?? defaultOrder(current)) === 'asc' ? 'desc' : 'asc') : defaultOrder(sort);
  return reviewsHref(query, { sort, order, page: 1 });
}
