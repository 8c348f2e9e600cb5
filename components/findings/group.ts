import { SEVERITIES, type Severity } from '../../lib/rules/types';
import type { ReviewFinding } from '../../lib/pipeline/types';

/** Findings of one rule, in the order the review lists them. */
export interface RuleGroup {
  rule: string;
  findings: ReviewFinding[];
}

/** Groups findings by rule, groups ordered by their first finding; every finding lands in exactly one group. */
export function groupFindingsByRule(findings: readonly ReviewFinding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const finding of findings) {
    const group = groups.get(finding.rule) ?? { rule: finding.rule, findings: [] };
    group.findings.push(finding);
    groups.set(finding.rule, group);
  }
  return [...groups.values()];
}

/** The worst severity of the open findings, or of all of them when every one is acknowledged. */
export function worstSeverity(findings: readonly ReviewFinding[]): Severity {
  const open = findings.filter((f) => !f.acknowledged);
  const pool = open.length > 0 ? open : findings;
  return SEVERITIES.find((s) => pool.some((f) => f.severity === s)) ?? 'info';
}

/**
 * Where the findings are, at most `max` places then how many more: resource ids (after `<stack> › ` in a multi-stack app), or `file:line`
 * with the file left out when it repeats the previous place's (`app.py:3`, `:9`).
 */
export function summarizeWhere(findings: readonly ReviewFinding[], max = 3): { places: string[]; more: number } {
  const places: string[] = [];
  const seen = new Set<string>();
  let previousFile: string | undefined;
  for (const f of findings) {
    const resources = f.resources.join(', ');
    const key = resources ? (f.stack ? `${f.stack} › ${resources}` : resources) : f.location ? `${f.location.file}:${f.location.line}` : '';
    if (!key || seen.has(key)) continue;
    seen.add(key);
    if (places.length >= max) continue;
    const file = f.resources.length > 0 ? undefined : f.location?.file;
    places.push(file && file === previousFile ? `:${f.location!.line}` : key);
    previousFile = file;
  }
  return { places, more: seen.size - places.length };
}
