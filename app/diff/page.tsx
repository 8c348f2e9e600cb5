import { DiffView } from '@/components/diff/diff-view';
import { loadReviewById } from '@/components/review/load-review';
import { ReviewUnavailable } from '@/components/review/synthesis-error';
import { BUNDLED_REVIEW_ID } from '@/lib/pipeline/bundled';
import { requirePageUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** The full reference → model template diff of the bundled review, with its IAM and security-group tables. */
export default async function DiffPage() {
  await requirePageUser('viewer');
  const outcome = await loadReviewById({ id: BUNDLED_REVIEW_ID });
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-lg font-semibold text-slate-900">Template diff</h1>
        <p className="text-xs text-slate-500">What deploying the model’s template over the reference would change, resource by resource.</p>
      </header>
      {outcome.status !== 'ok' ? (
        <ReviewUnavailable message={outcome.status === 'error' ? outcome.message : 'The bundled review is missing.'} />
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
