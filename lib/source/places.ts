/* Which lines of a review's files a finding points at: shared by the finding cards' links and the source view's markers. */
import type { ReviewFinding, Side } from '../pipeline/types';
import type { SourceLocation } from '../rules/types';

/** A line of one side's file that a finding points at. */
export interface SourcePlace {
  side: Side;
  file: string;
  line: number;
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
    const place = { side, ...lineOfLocation(location) };
    places.set(`${side}:${place.file}:${place.line}`, place);
  }
  return [...places.values()];
}

/** The file and line a location names; a markdown block's location (`answer.md:12`, lines counted from the block) becomes a line of the file. */
export function lineOfLocation(location: SourceLocation): { file: string; line: number } {
  const block = /^(.*\.md):(\d+)$/i.exec(location.file);
  return block ? { file: block[1], line: Number(block[2]) + location.line - 1 } : { file: location.file, line: location.line };
}
