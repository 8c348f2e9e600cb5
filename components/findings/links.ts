/* Where a finding links to: its card on the review page, its review's diff page, and the source lines it points at. */
import { BUNDLED_REVIEW_ID } from '../../lib/pipeline/bundled';
import type { ReviewFinding, Side } from '../../lib/pipeline/types';
import type { SourceLocation } from '../../lib/rules/types';

/** A line of one side's file that a finding points at. */
export interface SourcePlace {
  side: Side;
  file: string;
  line: number;
}

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

/**
 * The source lines a finding points at, each once, in this order: its own location, where its construct was created, then
 * its evidence's locations (on the evidence's side when it names one). A markdown block's location (`answer.md:12`, lines
 * counted from the block) becomes a line of the markdown file.
 */
export function sourcePlaces(finding: ReviewFinding): SourcePlace[] {
  const located: { side: Side; location: SourceLocation | undefined }[] = [
    { side: finding.side, location: finding.location },
    { side: finding.side, location: finding.constructLocation },
    ...(finding.evidence ?? []).flatMap((item) => [
      { side: item.side ?? finding.side, location: item.location },
      { side: item.side ?? finding.side, location: item.constructLocation },
    ]),
  ];
  const places = new Map<string, SourcePlace>();
  for (const { side, location } of located) {
    if (!location || !(location.line > 0)) continue;
    const place = { side, ...fileLine(location) };
    places.set(`${side}:${place.file}:${place.line}`, place);
  }
  return [...places.values()];
}

function fileLine(location: SourceLocation): { file: string; line: number } {
  const block = /^(.*\.md):(\d+)$/i.exec(location.file);
  return block ? { file: block[1], line: Number(block[2]) + location.line - 1 } : { file: location.file, line: location.line };
}
