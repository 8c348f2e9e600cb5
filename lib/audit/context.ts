import type { AuthedUser } from '../auth/authorize';
import { hasRole } from '../auth/roles';
import { getDb, type DbHandle } from '../db/connection';
import { AppError } from '../errors';
import { getReviewById } from '../reviews/registry';
import type { ReviewResult } from '../pipeline/types';
import { listReviewSourceFiles, type ReviewSourceFile, type SourceSide } from '../source/files';

/** What audit services run against; tests pass their own database and reviews, the app uses the defaults. */
export interface AuditSessionDeps {
  handle?: DbHandle;
  loadReview?: (input: { id: string }) => Promise<ReviewResult>;
  /** The files of one side of a review, which line comments point into. */
  loadSourceFiles?: (input: { reviewId: string; side: SourceSide }) => Promise<ReviewSourceFile[]>;
  /** How long a session view waits for the current review to compare hashes (a cold synthesis takes ~10 s). */
  stalenessTimeoutMs?: number;
}

/** The deps with defaults filled in: the process database and the review registry. */
export function resolveDeps(deps: AuditSessionDeps = {}): Required<AuditSessionDeps> {
  return {
    handle: deps.handle ?? getDb(),
    loadReview: deps.loadReview ?? getReviewById,
    loadSourceFiles: deps.loadSourceFiles ?? listReviewSourceFiles,
    stalenessTimeoutMs: deps.stalenessTimeoutMs ?? 5_000,
  };
}

/** Unless the user may change sessions (reviewer or above), `forbidden:auth`; routes check first, this guards direct callers. */
export function assertReviewer(user: Pick<AuthedUser, 'role'>): void {
  if (!hasRole(user, 'reviewer')) throw new AppError('forbidden:auth', 'This needs the reviewer role');
}
