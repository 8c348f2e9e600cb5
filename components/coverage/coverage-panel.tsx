import { getReviewCoverage, type ReviewCoverage } from '@/lib/coverage/review';
import { loadPanel } from '@/components/panel/load-panel';
import { CoverageColumn, FoundItem, MissedItem, UnlistedItem } from './coverage-columns';

/** The coverage panel of a review page: loads the review's coverage; nothing when the review has no human review. */
export async function CoveragePanel({ reviewId }: { reviewId: string }) {
  const coverage = await loadPanel(() => getReviewCoverage({ id: reviewId }), 'Coverage could not be computed.');
  if (coverage.status === 'error') {
    return (
      <p data-testid="coverage-error" className="text-sm text-red-700">
        {coverage.message}
      </p>
    );
  }
  return <CoverageView coverage={coverage.value} />;
}

/**
 * Coverage against the review's human MODEL_FAILURES.md, side by side: failures the engine found, failures it missed,
 * and model findings the human did not list, with the ratio. Renders nothing when the review has no human review.
 */
export function CoverageView({ coverage }: { coverage: ReviewCoverage }) {
  const { result, numbers } = coverage;
  if (!result || !numbers) return null;
  return (
    <section
      data-testid="coverage-panel"
      aria-labelledby="coverage-heading"
      className="space-y-4 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="coverage-heading" className="text-sm font-semibold text-slate-900">
          Coverage against the human review
        </h2>
        <p className="text-xs text-slate-500">
          <span data-testid="coverage-ratio" className="font-mono text-sm font-semibold text-slate-900">
            {numbers.found} / {numbers.failures}
            {numbers.failures > 0 ? ` (${Math.round(numbers.coverage * 100)}%)` : ''}
          </span>{' '}
          of the failures in <code>{coverage.humanReview}</code> found · {numbers.unlisted} finding{numbers.unlisted === 1 ? '' : 's'} not
          listed there
        </p>
      </div>
      {numbers.failures === 0 && (
        <p data-testid="coverage-unreadable" className="text-sm text-amber-800">
          No failure could be read from the human review: it has no section named after one of the five categories.
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-3">
        <CoverageColumn title="Found by the engine" count={numbers.found} testId="coverage-found" tone="text-emerald-800">
          {result.found.map((item) => (
            <FoundItem key={item.failure.id} item={item} />
          ))}
        </CoverageColumn>
        <CoverageColumn title="Missed by the engine" count={numbers.missed} testId="coverage-missed" tone="text-red-700">
          {result.missed.map((failure) => (
            <MissedItem key={failure.id} failure={failure} />
          ))}
        </CoverageColumn>
        <CoverageColumn title="Not listed by the human" count={numbers.unlisted} testId="coverage-unlisted" tone="text-slate-700">
          {result.unlisted.map((finding, i) => (
            <UnlistedItem key={`${finding.rule}-${i}`} finding={finding} />
          ))}
        </CoverageColumn>
      </div>
      <p className="text-xs text-slate-500">
        A failure is found when a model finding of its category names one of its resources or properties (logical IDs, construct names,
        property paths, actions), or, when none does, one of the resource types it names.
      </p>
    </section>
  );
}
