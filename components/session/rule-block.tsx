import { FindingExplanation } from '@/components/findings/finding-explanation';
import { SeverityBadge } from '@/components/findings/severity-badge';
import { worstSeverity } from '@/components/findings/group';
import { SessionFindingRow } from './session-finding-row';
import type { KeyedFinding, SessionView } from './types';

/** The findings of one rule in a category: the rule, its title and explanation once, then one row per finding. */
export function RuleBlock({ rule, findings, view }: { rule: string; findings: KeyedFinding[]; view: SessionView }) {
  const first = findings[0];
  const isModel = first.side === 'model';
  return (
    <li
      data-testid="session-rule"
      data-rule={rule}
      className={`rounded-lg ring-1 ${isModel ? 'bg-white shadow-xs ring-slate-200' : 'bg-slate-50 ring-slate-200/70'}`}
    >
      <details className="group border-b border-slate-100">
        <summary className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 hover:bg-slate-50">
          <span aria-hidden className="text-slate-400 transition-transform group-open:rotate-90">
            ›
          </span>
          <SeverityBadge severity={worstSeverity(findings)} muted={!isModel} />
          <code className="text-xs text-slate-900">{rule}</code>
          <span className="font-medium text-slate-900">{first.title}</span>
          {findings.length > 1 && (
            <span className="rounded-md bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-600 ring-1 ring-inset ring-slate-200">
              ×{findings.length}
            </span>
          )}
          <span className="ml-auto text-xs text-slate-500">Problem, impact, fix</span>
        </summary>
        <div className="px-3 pb-3">
          <FindingExplanation finding={first} generic={findings.length > 1} />
        </div>
      </details>
      <ul className="divide-y divide-slate-100">
        {findings.map((f) => (
          <SessionFindingRow
            key={f.key}
            sessionId={view.session.id}
            finding={f}
            verdicts={view.verdicts[f.key] ?? []}
            comments={view.comments[f.key] ?? []}
            meId={view.me.id}
            canEdit={view.me.canEdit}
          />
        ))}
      </ul>
    </li>
  );
}

/** Findings grouped by rule, groups in the order of their first finding. */
export function groupByRule(findings: readonly KeyedFinding[]): { rule: string; findings: KeyedFinding[] }[] {
  const groups = new Map<string, KeyedFinding[]>();
  for (const f of findings) groups.set(f.rule, [...(groups.get(f.rule) ?? []), f]);
  return [...groups].map(([rule, list]) => ({ rule, findings: list }));
}
