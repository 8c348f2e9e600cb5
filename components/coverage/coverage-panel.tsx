import { getReviewCoverage, type ReviewCoverage } from '@/lib/coverage/review';
import { loadPanel } from '@/components/panel/load-panel';
import { CoverageColumn, FoundItem, MissedItem, UnlistedItem } from './coverage-columns';

/** The coverage panel of a review page: loads the review's coverage with the findings of the selected packs; nothing when the review has no human review. */
export async function CoveragePanel({ reviewId, rulePacks }: { reviewId: string; rulePacks?: string[] }) {
  const coverage = await loadPanel(() => getReviewCoverage({ id: reviewId, rulePacks }), 'Coverage could not be computed.');
  if (coverage.status === 'error') {
    return (
      <p data-testid="coverage-error" className="text-sm text-red-700">
        {coverage.message}
      </p>
    );
  }
  return <CoverageView coverage={coverage.value} rulePacks={rulePacks} />;
}

/**
 * Coverage against the review's human MODEL_FAILURES.md, side by side: failures the engine found, failures it missed,
 * and model findings the human did not list, with the ratio. Renders nothing when the review has no human review.
 */
export function CoverageView({ coverage, rulePacks = [] }: { coverage: ReviewCoverage; rulePacks?: string[] }) {
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
          listed there ·{' '}
          <span data-testid="coverage-sources">
            model findings of the rules
            {rulePacks.length > 0 ? ` and the ${rulePacks.join(', ')} pack${rulePacks.length === 1 ? '' : 's'}` : ''}, shared ones left out
          </span>
        </p>
      </div>
      {numbers.failures === 0 && (
        <p data-testid="coverage-unreadable" className="text-sm text-amber-800">
          No failure could be read from the human review: it has no heading, bold item or numbered item that names one.
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
      <ParsedFailures failures={coverage.failures} unread={coverage.unread} />
      <p className="text-xs text-slate-500">
        A failure is found by a model finding of any category on the same resource (a logical ID or construct it names, the model resource
        paired with one of the reference&apos;s, else a resource type it names) about the same problem (encryption, a DLQ, retention, an
        output, naming, … or a property, action or value both name). A shared resource type alone never matches.
      </p>
    </section>
  );
}

/** Every failure read from the human review (id, category, title), and the text that belongs to none. */
function ParsedFailures({ failures, unread }: { failures: ReviewCoverage['failures']; unread: string[] }) {
  return (
    <div className="grid gap-2 text-xs text-slate-600 md:grid-cols-2">
      <details data-testid="coverage-parsed">
        <summary className="cursor-pointer font-medium text-slate-700">
          Read from the human review: <span data-testid="coverage-parsed-count">{failures.length}</span> failure
          {failures.length === 1 ? '' : 's'}
        </summary>
        <ol className="mt-1 space-y-0.5">
          {failures.map((f) => (
            <li key={f.id} data-testid="coverage-parsed-item">
              <code className="text-slate-500">{f.id}</code> {f.title}
            </li>
          ))}
        </ol>
      </details>
      <details data-testid="coverage-unread">
        <summary className="cursor-pointer font-medium text-slate-700">
          Not read as a failure: <span data-testid="coverage-unread-count">{unread.length}</span> passage{unread.length === 1 ? '' : 's'}
        </summary>
        <ul className="mt-1 space-y-0.5">
          {unread.map((line, i) => (
            <li key={i} data-testid="coverage-unread-item" className="truncate" title={line}>
              {line}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
