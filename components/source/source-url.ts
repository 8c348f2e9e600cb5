import { lineOfLocation } from '../../lib/source/places';

// The source view's URL contract, relied on by links from findings and the diff: keep it exactly.

/** `/review/<id>/source?side=<side>&file=<path>[&session=<sid>]#L<line>`: a file of a review, scrolled to a line. */
export function sourceUrl({
  reviewId,
  side,
  file,
  line,
  sessionId,
}: {
  reviewId: string;
  side: 'model' | 'reference';
  file?: string;
  line?: number;
  sessionId?: string;
}): string {
  const query = new URLSearchParams({ side });
  if (file !== undefined) query.set('file', file);
  if (sessionId !== undefined) query.set('session', sessionId);
  return `/review/${encodeURIComponent(reviewId)}/source?${query}${line !== undefined ? `#L${line}` : ''}`;
}

/**
 * The file and line a finding points at in the source view: its own location (a markdown block's `answer.md:<n>`
 * counts lines from that block), else the source line that created its construct; none for template-only findings.
 */
export function findingLine(finding: {
  location?: { file: string; line: number };
  constructLocation?: { file: string; line: number };
}): { file: string; line: number } | undefined {
  const place = finding.location ?? finding.constructLocation;
  return place ? lineOfLocation(place) : undefined;
}
