import { diffAnchorId, entriesOfFinding } from '@/lib/diff/finding-entries';
import type { TemplateDiffJson } from '@/lib/diff/types';
import type { ReviewFinding } from '@/lib/pipeline/types';
import { SIDE_LABELS } from './labels';
import { reviewDiffHref, sourceHref, sourcePlaces } from './links';

const LINK = 'inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-sky-800 ring-1 ring-sky-200 ring-inset hover:bg-sky-50';

/** Where a finding is: a link to each diff entry it concerns on the review's diff page and to each source line it points at; nothing when it has neither. */
export function FindingLinks({ finding, diff, reviewId }: { finding: ReviewFinding; diff: TemplateDiffJson | null; reviewId: string }) {
  const entries = diff ? entriesOfFinding(diff, finding) : [];
  const places = sourcePlaces(finding);
  if (entries.length === 0 && places.length === 0) return null;
  return (
    <nav aria-label="Where this finding is" data-testid="finding-links" className="flex flex-wrap items-center gap-1.5 text-xs">
      {entries.map((entry) => (
        <a
          key={diffAnchorId(entry)}
          data-testid="finding-diff-link"
          href={`${reviewDiffHref(reviewId)}#${diffAnchorId(entry)}`}
          className={LINK}
        >
          in diff <code className="font-mono">{entry.logicalId}</code>
        </a>
      ))}
      {places.map((place) => (
        <a
          key={`${place.side}:${place.file}:${place.line}`}
          data-testid="finding-source-link"
          data-side={place.side}
          href={sourceHref(reviewId, place)}
          className={LINK}
        >
          {SIDE_LABELS[place.side].toLowerCase()} source{' '}
          <code className="font-mono break-all">
            {place.file}:{place.line}
          </code>
        </a>
      ))}
    </nav>
  );
}
