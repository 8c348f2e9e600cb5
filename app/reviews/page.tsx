import { ui } from '@/components/admin/styles';
import { CreateReviewForm } from '@/components/reviews/create-review-form';
import { ReviewsFilters } from '@/components/reviews/reviews-filters';
import { ReviewListTable } from '@/components/reviews/review-list-table';
import { requirePageUser } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';
import { listReviews } from '@/lib/reviews/registry';
import { reviewListQuerySchema } from '@/lib/reviews/input';

export const dynamic = 'force-dynamic';

/** Every review (the bundled one and stored ones) with filters, and, for reviewers, the form that creates one. */
export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('viewer');
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === 'string' && v !== ''));
  const parsed = reviewListQuerySchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : {};
  const reviews = await listReviews(filter);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold text-slate-900">Reviews</h1>
        <p className="text-sm text-slate-600">
          Each review compares a model’s answer with a reference. Counts are the model’s open findings.
        </p>
      </header>
      <ReviewsFilters filter={filter} />
      {!parsed.success && (
        <p role="alert" className={ui.error}>
          Some filters were not understood and are ignored.
        </p>
      )}
      <ReviewListTable reviews={reviews} />
      {hasRole(user, 'reviewer') && (
        <section className="space-y-2">
          <h2 className="text-base font-semibold text-slate-900">New review</h2>
          <CreateReviewForm />
        </section>
      )}
    </div>
  );
}
