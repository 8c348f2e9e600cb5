import { deployedResultOf } from '@/lib/stack/results';
import type { DeployedView } from '@/lib/stack/types';
import type { TemplateDiffJson } from '@/lib/diff/types';
import type { ReviewFinding, SeverityCounts, Side } from '@/lib/pipeline/types';
import type { Category } from '@/lib/rules/types';
import { groupFindingsByRule } from '@/components/findings/group';
import { FindingDetails } from './finding-details';
import { FindingGroup } from './finding-group';
import { DeployedResultBadge } from './deployed-result';
import { CATEGORY_HEADINGS } from '@/lib/report/category-headings';
import { SideCounts } from './side-counts';

/**
 * One category of the review: its seed heading, model and reference counts side by side (and the deployed stack's, when
 * given), then its findings (model first), each rule's row with the deployed template's result for that rule.
 */
export function CategorySection({
  category,
  counts,
  findings,
  diff,
  reviewId,
  failed = [],
  deployed,
}: {
  category: Category;
  counts: Record<Side, SeverityCounts>;
  findings: readonly ReviewFinding[];
  diff: TemplateDiffJson | null;
  /** The review's id: finding cards link to its diff and source pages. */
  reviewId: string;
  /** Sides whose artifact could not be loaded: their counts say so instead of a misleading 0. */
  failed?: readonly Side[];
  /** The deployed stack's view: a third count and a per-rule result; absent when it could not be built. */
  deployed?: DeployedView;
}) {
  const headingId = `heading-${category}`;
  const model = findings.filter((f) => f.side === 'model');
  const reference = findings.filter((f) => f.side === 'reference');
  return (
    <section data-testid={`category-${category}`} aria-labelledby={headingId} id={category} className="scroll-mt-16 space-y-3">
      <h2 id={headingId} data-testid="category-heading" className="text-base font-semibold text-slate-900">
        {CATEGORY_HEADINGS[category].heading}
      </h2>
      <div className={`grid gap-2 ${deployed ? 'md:grid-cols-3' : 'md:grid-cols-2'}`}>
        <SideCounts category={category} side="model" counts={counts.model} failed={failed.includes('model')} />
        <SideCounts category={category} side="reference" counts={counts.reference} failed={failed.includes('reference')} />
        {deployed && (
          <SideCounts category={category} side="deployed" counts={deployed.counts[category]} note={DEPLOYED_NOTES[deployed.analysis]} />
        )}
      </div>
      <SideFindings title="Model" side="model" findings={model} diff={diff} reviewId={reviewId} deployed={deployed} />
      <SideFindings title="Reference (control)" side="reference" findings={reference} diff={diff} reviewId={reviewId} deployed={deployed} />
    </section>
  );
}

/** What the deployed count says instead of numbers when no deployed template was analyzed. */
const DEPLOYED_NOTES: Record<DeployedView['analysis'], string | undefined> = {
  analyzed: undefined,
  'not-deployed': 'not deployed',
  unavailable: 'unavailable: the deployed template could not be read',
};

/**
 * The findings of one side within a category, one row per rule (a group when it repeats), or a short note when there are
 * none; with `deployed`, each row ends with the deployed template's result for its rule.
 */
function SideFindings({
  title,
  side,
  findings,
  diff,
  reviewId,
  deployed,
}: {
  title: string;
  side: Side;
  findings: readonly ReviewFinding[];
  diff: TemplateDiffJson | null;
  reviewId: string;
  deployed?: DeployedView;
}) {
  return (
    <div data-testid={`findings-${side}`} className={side === 'reference' ? 'pl-0 md:pl-6' : undefined}>
      <h3 className={`mb-1.5 text-xs font-semibold uppercase tracking-wide ${side === 'model' ? 'text-slate-700' : 'text-slate-500'}`}>
        {title} <span className="font-normal normal-case text-slate-400">· {findings.length}</span>
      </h3>
      {findings.length === 0 ? (
        <p className="text-xs text-slate-500">No findings.</p>
      ) : (
        <ul className="space-y-1.5">
          {groupFindingsByRule(findings).map((group) => (
            <li key={group.rule} className={deployed ? 'flex items-start gap-2' : undefined}>
              <div className="min-w-0 flex-1">
                {group.findings.length === 1 ? (
                  <FindingDetails finding={group.findings[0]} diff={diff} reviewId={reviewId} />
                ) : (
                  <FindingGroup group={group} diff={diff} reviewId={reviewId} />
                )}
              </div>
              {deployed && (
                <span className="mt-2">
                  <DeployedResultBadge result={deployedResultOf(deployed, group.rule, group.findings)} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
