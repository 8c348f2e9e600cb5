import { ruleEntry } from './catalog';
import type { Finding } from './finding';
import { RULES } from './index';
import type { Rule, RuleInput, Violation } from './types';

function toFinding(rule: Rule, v: Violation): Finding {
  const entry = ruleEntry(rule.id);
  const finding: Finding = {
    rule: rule.id,
    category: entry.category,
    severity: entry.severity,
    title: entry.title,
    message: v.message,
    resources: [...new Set(v.resources ?? [])],
    source: 'infra-review',
  };
  if (v.location) finding.location = v.location;
  if (v.evidence?.length) finding.evidence = v.evidence;
  return finding;
}

function crashFinding(rule: Rule, error: unknown): Finding {
  const entry = ruleEntry(rule.id);
  return {
    rule: rule.id,
    category: entry.category,
    severity: 'error',
    title: `Rule ${rule.id} failed`,
    message: `The rule threw an error and could not check this artifact: ${(error as Error)?.message ?? String(error)}`,
    resources: [],
    source: 'infra-review',
  };
}

/** Runs rules over an input; a rule that throws yields an error finding instead of failing the run. Acknowledgements are applied by analyzeArtifact. */
export function runRules(input: RuleInput, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    let violations: Violation[];
    try {
      violations = rule.check(input);
    } catch (error) {
      findings.push(crashFinding(rule, error));
      continue;
    }
    for (const v of violations) findings.push(toFinding(rule, v));
  }
  return findings;
}
