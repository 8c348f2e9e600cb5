import 'server-only';
import { loadDeployedView } from '@/lib/stack/view';
import type { DeployedView } from '@/lib/stack/types';
import { AppError, toAppError } from '@/lib/errors';
import { getReviewDefinition } from '@/lib/reviews/registry';

/** Why the deployed view could not be built at all (an unknown review, a malformed AWS configuration); safe to show. */
export interface StackLoadError {
  error: string;
}

/** The deployed view of the review with this id; never throws, so the page renders the review and an explained panel. */
export async function loadStackView({ id }: { id: string }): Promise<DeployedView | StackLoadError> {
  try {
    return await loadDeployedView(await getReviewDefinition({ id }));
  } catch (error) {
    const appError = toAppError(error);
    if (appError.status >= 500) console.error(error);
    return { error: error instanceof AppError ? appError.message : 'Unexpected error while reading the deployed stack.' };
  }
}
