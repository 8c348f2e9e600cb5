/* Where a finding links to: its card on the review page, its review's diff page, and the source lines it points at. */
import { BUNDLED_REVIEW_ID } from '../../lib/pipeline/bundled';
import type { SourcePlace } from '../../lib/source/places';

export { sourcePlaces, type SourcePlace } from '../../lib/source/places';

/** The review's page: `/` for the bundled review, `/review/<id>` for the others. */
export function reviewHref(reviewId: string): string {
  return reviewId === BUNDLED_REVIEW_ID ? '/' : `/review/${encodeURIComponent(reviewId)}`;
}

/** The review's full diff page: `/diff` for the bundled review, `/review/<id>/diff` for the others. */
export function reviewDiffHref(reviewId: string): string {
  return reviewId === BUNDLED_REVIEW_ID ? '/diff' : `/review/${encodeURIComponent(reviewId)}/diff`;
}

/** The stable element id of a finding's card on the review page, from its key (lib/audit findingKey). */
export function findingAnchorId(key: string): string {
  return `finding-${key}`;
}

/** The source page at a place: `/review/<id>/source?side=<side>&file=<path>#L<line>`. */
export function sourceHref(reviewId: string, place: SourcePlace): string {
  const query = new URLSearchParams({ side: place.side, file: place.file });
  return `/review/${encodeURIComponent(reviewId)}/source?${query}#L${place.line}`;
}
