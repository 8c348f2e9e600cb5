import { ui } from '@/components/admin/styles';
import type { ReviewListPageQuery } from '@/lib/reviews/input';
import { REVIEW_STATUSES } from '@/lib/reviews/plan-types';
import { CATEGORIES, SEVERITIES } from '@/lib/rules/types';

const PLATFORMS = ['cfn', 'cdk', 'cdktf', 'terraform', 'pulumi'];

/** A plain GET form of the list filters (works without JavaScript, so they live in the URL); each select narrows the list; sort and page size are kept, the page starts over. */
export function ReviewsFilters({ filter }: { filter: ReviewListPageQuery }) {
  const select = (name: keyof ReviewListPageQuery, label: string, options: readonly string[]) => (
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
      {(['sort', 'order', 'size'] as const).map((key) =>
        filter[key] === undefined ? null : <input key={key} type="hidden" name={key} value={String(filter[key])} />,
      )}
      <button type="submit" className={ui.secondary} data-testid="reviews-filter-apply">
        Filter
      </button>
    </form>
  );
}
