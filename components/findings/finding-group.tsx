import type { TemplateDiffJson } from '@/lib/diff/types';
import { summarizeWhere, worstSeverity, type RuleGroup } from '@/components/findings/group';
import { FindingCard, RuleAndTitle } from './finding-card';
import { FindingDetails } from './finding-details';
import { FindingExplanation } from './finding-explanation';
import { SIDE_LABELS } from './labels';
import { SeverityBadge } from './severity-badge';

/** How many findings of one group the page draws: a template with thousands of resources would otherwise make the page tens of megabytes. */
export const GROUP_FINDINGS_SHOWN = 100;

/**
 * Several findings of one rule on one side as a native `<details>`: rule, title, `×n` and places; opened, the explanation
 * once, then the first GROUP_FINDINGS_SHOWN findings and a link to all of them as JSON.
 */
export function FindingGroup({ group, diff, reviewId }: { group: RuleGroup; diff: TemplateDiffJson | null; reviewId: string }) {
  const [first] = group.findings;
  const isModel = first.side === 'model';
  const acknowledged = group.findings.filter((f) => f.acknowledged).length;
  const allAcknowledged = acknowledged === group.findings.length;
  const data = { 'data-testid': 'finding-group', 'data-rule': group.rule, 'data-side': first.side, 'data-count': group.findings.length };
  const summary = (
    <>
      <SeverityBadge severity={worstSeverity(group.findings)} muted={!isModel || allAcknowledged} />
      <RuleAndTitle rule={group.rule} title={first.title} side={first.side} prefix="finding-group" />
      <span
        data-testid="finding-group-count"
        aria-label={`${group.findings.length} findings`}
        className="rounded-full bg-slate-100 px-2 py-0.5 font-mono text-xs font-medium tabular-nums text-slate-700 ring-1 ring-inset ring-slate-200"
      >
        ×{group.findings.length}
      </span>
      <span className="text-xs text-slate-500">{SIDE_LABELS[first.side]}</span>
      {acknowledged > 0 && <span className="text-xs text-slate-500">{acknowledged} acknowledged</span>}
      <Places group={group} />
    </>
  );
  return (
    <FindingCard side={first.side} dimmed={allAcknowledged} outer data={data} summary={summary}>
      <div className="space-y-3 border-t border-slate-200 px-4 py-4">
        <FindingExplanation finding={first} generic={group.findings.length > 1} />
        <ul data-testid="finding-group-items" className="space-y-1.5">
          {group.findings.slice(0, GROUP_FINDINGS_SHOWN).map((f, i) => (
            <li key={i}>
              <FindingDetails finding={f} diff={diff} reviewId={reviewId} grouped />
            </li>
          ))}
        </ul>
        <MoreFindings group={group} reviewId={reviewId} />
      </div>
    </FindingCard>
  );
}

/** Past GROUP_FINDINGS_SHOWN: how many are not drawn, and where all of them are (the findings API, filtered to the rule). */
function MoreFindings({ group, reviewId }: { group: RuleGroup; reviewId: string }) {
  const hidden = group.findings.length - GROUP_FINDINGS_SHOWN;
  if (hidden <= 0) return null;
  const { side, category } = group.findings[0];
  const query = new URLSearchParams({ side, category, rule: group.rule });
  return (
    <p data-testid="finding-group-more" className="text-xs text-slate-600">
      {hidden.toLocaleString('en-US')} more findings of this rule are not drawn here:{' '}
      <a className="underline" href={`/api/reviews/${encodeURIComponent(reviewId)}/findings?${query}`}>
        all {group.findings.length.toLocaleString('en-US')} as JSON
      </a>
      , or in an audit session&apos;s export.
    </p>
  );
}

/** The group's first few places (resources or source lines), then how many more. */
function Places({ group }: { group: RuleGroup }) {
  const { places, more } = summarizeWhere(group.findings);
  if (places.length === 0) return null;
  return (
    <span data-testid="finding-group-where" className="ml-auto max-w-full truncate font-mono text-xs text-slate-500">
      {places.join(', ')}
      {more > 0 && <span className="font-sans text-slate-400"> +{more} more</span>}
    </span>
  );
}
