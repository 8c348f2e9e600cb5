import Link from 'next/link';
import type { ReviewOutcome } from '@/components/review/load-review';
import { ReviewUnavailable } from '@/components/review/synthesis-error';
import { DiffView } from './diff-view';

/** A review's full reference → model diff page body: heading, a link back to the review, and the diff or why there is none. */
export function ReviewDiff({ outcome, reviewId }: { outcome: Exclude<ReviewOutcome, { status: 'not-found' }>; reviewId: string }) {
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-lg font-semibold text-slate-900">Template diff</h1>
          <p className="text-xs text-slate-500">
            What deploying the model’s template over the reference would change, resource by resource; resources the model names otherwise
            are compared with their reference counterparts.
          </p>
        </div>
        <Link
          data-testid="diff-back-to-review"
          href={`/review/${encodeURIComponent(reviewId)}`}
          className="text-xs text-sky-700 hover:underline"
        >
          Back to the review
        </Link>
      </header>
      {outcome.status === 'error' ? (
        <ReviewUnavailable message={outcome.message} />
      ) : outcome.review.diff ? (
        <DiffView diff={outcome.review.diff} title={outcome.review.name} />
      ) : (
        <p
          data-testid="diff-unavailable"
          role="status"
          className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          No diff: {outcome.review.reference.status === 'failed' ? 'the reference' : 'the model'} could not be loaded. The review page
          explains the error.
        </p>
      )}
    </div>
  );
}
