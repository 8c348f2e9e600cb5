import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReviewDiff } from '@/components/diff/review-diff';
import { loadReviewById } from '@/components/review/load-review';
import { reviewTitle } from '@/components/review/review-composition';
import { requirePageUser } from '@/lib/auth/guard';
import { parseDiffFilter, type QueryParams } from '@/lib/diff/filter';

export const dynamic = 'force-dynamic';

/** The page's title: the review's name and "diff". */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Diff · ${await reviewTitle((await params).id)}` };
}

/** The full reference → model diff of any review by id (renamed resources aligned), filtered by its URL query; unknown ids are a 404. */
export default async function ReviewDiffPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<QueryParams>;
}) {
  await requirePageUser('viewer');
  const { id } = await params;
  const filter = parseDiffFilter(await searchParams);
  const outcome = await loadReviewById({ id });
  if (outcome.status === 'not-found') notFound();
  return <ReviewDiff outcome={outcome} reviewId={id} filter={filter} />;
}
