import Link from 'next/link';
import { findingAnchorId, reviewHref } from '@/components/findings/links';
import type { ReviewOutcome } from '@/components/review/load-review';
import { ReviewUnavailable } from '@/components/review/synthesis-error';
import { findingKey } from '@/lib/audit/verdicts';
import { CHANGE_KINDS, changeKindOf, countTypes, matchesDiffFilter, type ChangeKind, type DiffFilter } from '@/lib/diff/filter';
import { diffAnchorId, findingsByAnchor } from '@/lib/diff/finding-entries';
import type { ReviewResult } from '@/lib/pipeline/types';
import { DiffToolbar } from './diff-toolbar';
import { DiffView } from './diff-view';
import type { EntryFinding } from './entry-findings';
import { OpenOnHash } from './open-on-hash';

/**
 * A review's full reference → model diff page body: heading, a link back to the review, and the diff or why there is none.
 * The resource list is searched and filtered by `filter` (from the URL query), each resource anchored and listing its
 * findings with links to their cards on the review page.
 */
export function ReviewDiff({
  outcome,
  reviewId,
  filter,
}: {
  outcome: Exclude<ReviewOutcome, { status: 'not-found' }>;
  reviewId: string;
  filter: DiffFilter;
}) {
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-lg font-semibold text-slate-900">Template diff</h1>
          <p className="text-xs text-slate-600">
            What deploying the model’s template over the reference would change, resource by resource; resources the model names otherwise
            are compared with their reference counterparts.
          </p>
        </div>
        <Link data-testid="diff-back-to-review" href={reviewHref(reviewId)} className="text-xs text-sky-700 hover:underline">
          Back to the review
        </Link>
      </header>
      {outcome.status === 'error' ? (
        <ReviewUnavailable message={outcome.message} />
      ) : outcome.review.diff ? (
        <FilteredDiff review={outcome.review} diff={outcome.review.diff} filter={filter} />
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

/** The review's diff with its toolbar, the resources the filter keeps, and each resource's findings linked to the review page. */
function FilteredDiff({ review, diff, filter }: { review: ReviewResult; diff: NonNullable<ReviewResult['diff']>; filter: DiffFilter }) {
  const byAnchor = findingsByAnchor(diff, review.findings);
  const findings = new Map<string, EntryFinding[]>(
    [...byAnchor].map(([anchor, list]) => [
      anchor,
      list.map((f) => ({
        href: `${reviewHref(review.id)}#${findingAnchorId(findingKey(f))}`,
        rule: f.rule,
        title: f.title,
        severity: f.severity,
        side: f.side,
      })),
    ]),
  );
  const shown = diff.resources.filter((change) => matchesDiffFilter(change, filter, byAnchor.has(diffAnchorId(change))));
  const kindCounts = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as Record<ChangeKind, number>;
  for (const change of diff.resources) kindCounts[changeKindOf(change)] += 1;
  return (
    <>
      <OpenOnHash />
      <DiffView
        diff={diff}
        title={review.name}
        shown={shown}
        findings={findings}
        anchored
        toolbar={<DiffToolbar filter={filter} types={countTypes(diff.resources)} kindCounts={kindCounts} />}
      />
    </>
  );
}
