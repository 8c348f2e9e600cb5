import type { Metadata } from 'next';
import { ReviewDiff } from '@/components/diff/review-diff';
import { loadReviewById } from '@/components/review/load-review';
import { BUNDLED_REVIEW_ID } from '@/lib/pipeline/bundled';
import { requirePageUser } from '@/lib/auth/guard';
import { parseDiffFilter, type QueryParams } from '@/lib/diff/filter';

/** The page's title (the layout adds " · infra-review"). */
export const metadata: Metadata = { title: 'Diff two templates' };

export const dynamic = 'force-dynamic';

/** The full reference → model template diff of the bundled review (every review has its own at /review/[id]/diff), filtered by its URL query. */
export default async function DiffPage({ searchParams }: { searchParams: Promise<QueryParams> }) {
  await requirePageUser('viewer');
  const filter = parseDiffFilter(await searchParams);
  const outcome = await loadReviewById({ id: BUNDLED_REVIEW_ID });
  return (
    <ReviewDiff
      outcome={outcome.status === 'not-found' ? { status: 'error', message: 'The bundled review is missing.' } : outcome}
      reviewId={BUNDLED_REVIEW_ID}
      filter={filter}
    />
  );
}
