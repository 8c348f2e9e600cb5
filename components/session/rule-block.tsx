'use client';

import { createContext, useContext, useState } from 'react';
import { FindingExplanation } from '@/components/findings/finding-explanation';
import { SeverityBadge } from '@/components/findings/severity-badge';
import { worstSeverity } from '@/components/findings/group';
import { GroupVerdictControls, GroupVerdictSummary } from './group-verdict';
import { ruleRowId, unjudgedKeys } from './group-verdicts';
import { SessionFindingRow } from './session-finding-row';
import type { KeyedFinding, SessionView } from './types';

/** "Expand all" / "collapse all" of the page: each change (a new object) sets every rule row to `open`. */
export const ExpandAllContext = createContext<{ open: boolean } | null>(null);

/**
 * One problem: the findings of one rule on one side as a single keyboard row (`data-row`, its keys in `data-keys`),
 * with my verdict for all of them at once and, expanded (Enter), each instance with its own verdict, which overrides
 * the group's. A rule with one instance shows that instance directly.
 */
export function RuleBlock({ rule, findings, view }: { rule: string; findings: KeyedFinding[]; view: SessionView }) {
  const first = findings[0];
  const isModel = first.side === 'model';
  const single = findings.length === 1;
  const keys = findings.map((f) => f.key);
  const all = useContext(ExpandAllContext);
  const [expanded, setExpanded] = useState(false);
  const [seenAll, setSeenAll] = useState(all);
  if (seenAll !== all) {
    setSeenAll(all);
    if (all) setExpanded(all.open);
  }
  const open = single || expanded;
  const unjudged = unjudgedKeys(keys, view.verdicts).length;
  return (
    <li
      id={ruleRowId(first.side, rule)}
      data-testid="session-rule"
      data-row
      data-keys={keys.join(' ')}
      data-rule={rule}
      data-side={first.side}
      tabIndex={0}
      aria-label={`${rule}: ${first.title}, ${findings.length} ${single ? 'instance' : 'instances'}, ${unjudged} unjudged`}
      className={`scroll-mt-20 rounded-lg ring-1 focus:outline-2 focus:outline-offset-2 focus:outline-sky-600 ${
        isModel ? 'bg-white shadow-xs ring-slate-200' : 'bg-slate-50 ring-slate-200/70'
      }`}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
        {!single && (
          <button
            type="button"
            data-expand
            data-testid="rule-expand"
            aria-expanded={expanded}
            onClick={() => setExpanded(!expanded)}
            className="rounded-md px-1 text-slate-600 hover:bg-slate-100"
          >
            <span aria-hidden className={`inline-block transition-transform ${expanded ? 'rotate-90' : ''}`}>
              ›
            </span>
            <span className="sr-only">
              {expanded ? 'Hide' : 'Show'} the {findings.length} instances
            </span>
          </button>
        )}
        <SeverityBadge severity={worstSeverity(findings)} muted={!isModel} />
        <code className="text-xs text-slate-900">{rule}</code>
        <span className="font-medium text-slate-900">{first.title}</span>
        {!single && (
          <span className="rounded-md bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700 ring-1 ring-inset ring-slate-200">
            ×{findings.length}
          </span>
        )}
        <span data-testid="rule-unjudged" data-count={unjudged} className="ml-auto text-xs text-slate-600">
          {unjudged === 0 ? 'all judged' : `${unjudged} unjudged`}
        </span>
      </div>
      <details className="group border-y border-slate-100 px-3 py-1 text-xs">
        <summary className="cursor-pointer text-slate-600 hover:text-slate-900">
          <span aria-hidden className="mr-1 inline-block transition-transform group-open:rotate-90">
            ›
          </span>
          Problem, impact, fix
        </summary>
        <div className="min-w-0 pb-2 text-sm [overflow-wrap:anywhere]">
          <FindingExplanation finding={first} generic={!single} />
        </div>
      </details>
      {!single && (
        <div data-testid="rule-group-verdict" className="flex flex-wrap items-start gap-x-4 gap-y-1.5 px-3 py-2">
          {view.me.canEdit && <GroupVerdictControls sessionId={view.session.id} keys={keys} verdicts={view.verdicts} meId={view.me.id} />}
          <GroupVerdictSummary keys={keys} verdicts={view.verdicts} />
        </div>
      )}
      {open && (
        <ul className={`divide-y divide-slate-100 ${single ? '' : 'border-t border-slate-100 pl-4'}`}>
          {findings.map((f) => (
            <SessionFindingRow
              key={f.key}
              sessionId={view.session.id}
              finding={f}
              verdicts={view.verdicts[f.key] ?? []}
              comments={view.comments[f.key] ?? []}
              meId={view.me.id}
              canEdit={view.me.canEdit}
              asRow={!single}
              reviewId={view.session.reviewId}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
