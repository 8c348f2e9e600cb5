import type { Metadata } from 'next';
import { ui } from '@/components/admin/styles';
import { CreateReviewForm } from '@/components/reviews/create-review-form';
import { ReviewsFilters } from '@/components/reviews/reviews-filters';
import { ReviewListTable } from '@/components/reviews/review-list-table';
import { ReviewsPager } from '@/components/reviews/reviews-pager';
import { requirePageUser } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';
import { countReviews, listReviews } from '@/lib/reviews/registry';
import { reviewListPageQuerySchema } from '@/lib/reviews/input';
import { REVIEW_PAGE_SIZES } from '@/lib/reviews/plan-types';

export const dynamic = 'force-dynamic';

/** The page's title (the layout adds " · infra-review"). */
export const metadata: Metadata = { title: 'Reviews' };

/** Every review (the bundled one and stored ones), filtered, sorted and paged by the URL, and, for reviewers, the form that creates one. */
export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('viewer');
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === 'string' && v !== ''));
  const parsed = reviewListPageQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const { page = 1, size = REVIEW_PAGE_SIZES[0], ...filter } = query;
  // The bundled review is pinned above the first page's stored reviews, so stored pages stay `size` long.
  const [reviews, count] = await Promise.all([listReviews({ ...filter, limit: size, offset: (page - 1) * size }), countReviews(filter)]);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold text-slate-900">Reviews</h1>
        <p className="text-sm text-slate-600">
          Each review compares a model’s answer with a reference. Counts are the model’s open findings; coverage is the share of the
          failures in the task’s MODEL_FAILURES.md that the rules found.
        </p>
      </header>
      <ReviewsFilters filter={query} />
      {!parsed.success && (
        <p role="alert" className={ui.error}>
          Some filters were not understood and are ignored.
        </p>
      )}
      <ReviewsPager query={query} count={count} shown={reviews.length} />
      <ReviewListTable reviews={reviews} query={query} />
      {hasRole(user, 'reviewer') && (
        <section className="space-y-2">
          <h2 className="text-base font-semibold text-slate-900">New review</h2>
          <CreateReviewForm />
        </section>
      )}
    </div>
  );
}
