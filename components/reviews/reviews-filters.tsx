import { ui } from '@/components/admin/styles';
import type { ReviewListQuery } from '@/lib/reviews/input';
import { REVIEW_STATUSES } from '@/lib/reviews/plan-types';
import { CATEGORIES, SEVERITIES } from '@/lib/rules/types';

const PLATFORMS = ['cfn', 'cdk', 'cdktf', 'terraform', 'pulumi'];

/** A plain GET form of the list filters (works without JavaScript); each select narrows the list. */
export function ReviewsFilters({ filter }: { filter: ReviewListQuery }) {
  const select = (name: keyof ReviewListQuery, label: string, options: readonly string[]) => (
    <label className={ui.label}>
      {label}
      <select name={name} defaultValue={String(filter[name] ?? '')} className={ui.input} data-testid={`reviews-filter-${name}`}>
        <option value="">any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form method="get" action="/reviews" data-testid="reviews-filters" className="flex flex-wrap items-end gap-3">
      {select('platform', 'Platform', PLATFORMS)}
      {select('status', 'Status', REVIEW_STATUSES)}
      {select('category', 'With findings in', CATEGORIES)}
      {select('severity', 'With findings of severity', SEVERITIES)}
      <button type="submit" className={ui.secondary} data-testid="reviews-filter-apply">
        Filter
      </button>
    </form>
  );
}
