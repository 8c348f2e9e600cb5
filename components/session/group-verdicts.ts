import { VERDICT_VALUES } from '@/lib/audit/verdict-labels';
import type { KeyedFinding, SessionView, VerdictValue, VerdictView } from './types';

// Verdicts of a group of findings (one rule's instances, a category), derived from the per-finding verdicts.

/** One participant's verdicts over a group: how many findings they gave each verdict, in the product's verdict order. */
export interface GroupVerdictEntry {
  userId: string;
  userLabel: string;
  counts: { verdict: VerdictValue; count: number }[];
  judged: number;
}

/** My verdict on the group: the one I gave every finding of it, `mixed` when they differ or some are unjudged, none when I judged none. */
export function myGroupVerdict(
  keys: readonly string[],
  verdicts: Record<string, VerdictView[]>,
  meId: string,
): VerdictValue | 'mixed' | undefined {
  const mine = keys.map((key) => verdicts[key]?.find((v) => v.userId === meId)?.verdict);
  if (mine.every((v) => v === undefined)) return undefined;
  return mine.every((v) => v === mine[0]) ? mine[0] : 'mixed';
}

/** Everybody's verdicts over the group, one entry per participant, in order of their first verdict. */
export function groupVerdictEntries(keys: readonly string[], verdicts: Record<string, VerdictView[]>): GroupVerdictEntry[] {
  const byUser = new Map<string, { userLabel: string; counts: Map<VerdictValue, number> }>();
  for (const key of keys) {
    for (const v of verdicts[key] ?? []) {
      const entry = byUser.get(v.userId) ?? { userLabel: v.userLabel, counts: new Map() };
      entry.counts.set(v.verdict, (entry.counts.get(v.verdict) ?? 0) + 1);
      byUser.set(v.userId, entry);
    }
  }
  return [...byUser].map(([userId, { userLabel, counts }]) => ({
    userId,
    userLabel,
    counts: VERDICT_VALUES.filter((v) => counts.has(v)).map((verdict) => ({ verdict, count: counts.get(verdict)! })),
    judged: [...counts.values()].reduce((a, b) => a + b, 0),
  }));
}

/** The keys of the group nobody has judged yet. */
export function unjudgedKeys(keys: readonly string[], verdicts: Record<string, VerdictView[]>): string[] {
  return keys.filter((key) => (verdicts[key]?.length ?? 0) === 0);
}

/** The element id of a rule's row, the target of links to it (`#rule-model-cdk-v1-imports`). */
export function ruleRowId(side: string, rule: string): string {
  return `rule-${side}-${rule.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Findings grouped by rule, groups in the order of their first finding. */
export function groupByRule(findings: readonly KeyedFinding[]): { rule: string; findings: KeyedFinding[] }[] {
  const groups = new Map<string, KeyedFinding[]>();
  for (const f of findings) groups.set(f.rule, [...(groups.get(f.rule) ?? []), f]);
  return [...groups].map(([rule, list]) => ({ rule, findings: list }));
}

/** A problem nobody has fully judged yet, for the sign-off's list: where it is on the page, what it is, how many findings are open. */
export interface UnjudgedProblem {
  anchor: string;
  label: string;
  count: number;
}

/** The model-side rules and manual findings with findings nobody has judged, in page order (category, then rule). */
export function unjudgedProblems(
  view: Pick<SessionView, 'findings' | 'manualFindings' | 'verdicts'>,
  categories: readonly string[],
): UnjudgedProblem[] {
  const problems: UnjudgedProblem[] = [];
  for (const category of categories) {
    const model = view.findings.filter((f) => f.side === 'model' && f.category === category);
    for (const group of groupByRule(model)) {
      const count = unjudgedKeys(
        group.findings.map((f) => f.key),
        view.verdicts,
      ).length;
      if (count > 0) problems.push({ anchor: ruleRowId('model', group.rule), label: `${group.rule}: ${group.findings[0].title}`, count });
    }
    for (const m of view.manualFindings.filter((m) => m.category === category))
      if (unjudgedKeys([m.id], view.verdicts).length > 0) problems.push({ anchor: `finding-${m.id}`, label: m.title, count: 1 });
  }
  return problems;
}
