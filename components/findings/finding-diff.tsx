import { ResourceChangeList } from '@/components/diff/resource-change-list';
import { diffForResources } from '@/lib/diff/evidence';
import type { TemplateDiffJson } from '@/lib/diff/types';
import type { ReviewFinding } from '@/lib/pipeline/types';

/** The reference → model diff entries of the resources a finding concerns, or a note saying why there are none. */
export function FindingDiff({ finding, diff }: { finding: ReviewFinding; diff: TemplateDiffJson | null }) {
  const stack = finding.stack ? { side: finding.side === 'model' ? ('to' as const) : ('from' as const), name: finding.stack } : undefined;
  const changes = diff ? diffForResources(diff, finding.resources, stack) : [];
  return (
    <div data-testid="finding-diff">
      {changes.length > 0 ? (
        <ResourceChangeList changes={changes} />
      ) : (
        <p data-testid="finding-diff-empty" className="text-xs text-slate-500">
          {emptyReason(finding, diff)}
        </p>
      )}
    </div>
  );
}

/** Why no diff entry is shown for a finding. */
function emptyReason(finding: ReviewFinding, diff: TemplateDiffJson | null): string {
  if (!diff) return 'No diff: one side of the review has no template.';
  if (finding.resources.length === 0) {
    return finding.location
      ? 'This finding is about source code, not a template resource, so no diff entry concerns it.'
      : 'This finding names no resource, so no diff entry concerns it.';
  }
  return 'The resources this finding concerns are identical in the reference and the model.';
}
