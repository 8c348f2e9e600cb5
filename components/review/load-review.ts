import 'server-only';
import { AppError, toAppError } from '@/lib/errors';
import { getReviewById } from '@/lib/reviews/registry';
import type { ReviewResult } from '@/lib/pipeline/types';

/** What a page gets: the review, a not-found, or an error message that is safe to show. */
export type ReviewOutcome = { status: 'ok'; review: ReviewResult } | { status: 'not-found' } | { status: 'error'; message: string };

/** Runs (or reuses) the review with this id; never throws, so pages render an explained error instead of a 500. */
export async function loadReviewById({ id, rulePacks }: { id: string; rulePacks?: string[] }): Promise<ReviewOutcome> {
  try {
    return { status: 'ok', review: await getReviewById({ id, rulePacks }) };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'not_found:review') return { status: 'not-found' };
    if (appError.status >= 500) console.error(error);
    return { status: 'error', message: error instanceof AppError ? appError.message : 'Unexpected error while running the review.' };
  }
}
