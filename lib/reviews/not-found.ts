import { AppError } from '../errors';

/** The `not_found:review` (404) error for a review id that names no review; every service throws this one. */
export function reviewNotFound(id: string): AppError {
  return new AppError('not_found:review', `No review with id "${id}"`);
}
