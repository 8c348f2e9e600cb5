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
