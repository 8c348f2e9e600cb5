import 'server-only';
import { getReviewById } from '@/lib/reviews/registry';
import { loadPanel } from '@/components/panel/load-panel';
import type { ReviewResult } from '@/lib/pipeline/types';

/** What a page gets: the review, a not-found, or an error message that is safe to show. */
export type ReviewOutcome = { status: 'ok'; review: ReviewResult } | { status: 'not-found' } | { status: 'error'; message: string };

/** Runs (or reuses) the review with this id; never throws, so pages render an explained error instead of a 500. */
export async function loadReviewById({ id, rulePacks }: { id: string; rulePacks?: string[] }): Promise<ReviewOutcome> {
  const loaded = await loadPanel(() => getReviewById({ id, rulePacks }), 'Unexpected error while running the review.');
  if (loaded.status === 'ok') return { status: 'ok', review: loaded.value };
  return loaded.code === 'not_found:review' ? { status: 'not-found' } : { status: 'error', message: loaded.message };
}
