import type { Finding } from '../finding';
import type { Severity } from '../types';
import type { CfnLintMatch } from './client';

/** Prefix of the rule ids of findings reported by cfn-lint. */
export const CFN_LINT_RULE_PREFIX = 'cfn-lint/';
const VALIDATE_PREFIX = 'cfn-validate/';

/** cfn-lint rules that @aws/cloudformation-validate files under Security (cfn-lint itself has no such category). */
const SECURITY_RULES = new Set(['I3510', 'W1011', 'W2010', 'W2501', 'W2511', 'W3037', 'W3663']);

const SEVERITY: Record<CfnLintMatch['level'], Severity> = { error: 'error', warning: 'warning', informational: 'info' };

/**
 * cloudformation-validate's own ids for checks that cfn-lint reports under another id: its fatal `F` schema checks are
 * cfn-lint's `E` rules of the same number (F3012 "Property type mismatch" is E3012), and a few differ otherwise.
 * Every other validator id (E, W, I) is the cfn-lint rule of the same id, as the validator is a port of cfn-lint.
 */
const VALIDATE_TO_CFN_LINT: Readonly<Record<string, string>> = {
  F0000: 'E0000',
  F1101: 'E0000',
  F1004: 'E1004',
  F1010: 'E1020',
  F1012: 'E1011',
  F1018: 'E1019',
  F1020: 'E1020',
  F2002: 'E2002',
  F2003: 'E2003',
  F2011: 'E2011',
  F2015: 'E2015',
  W3030: 'E3030',
  F6004: 'E6004',
  F6011: 'E6011',
  F6101: 'E6101',
  F7002: 'E7002',
  ...Object.fromEntries(
    [3002, 3003, 3004, 3006, 3007, 3012, 3014, 3017, 3018, 3020, 3021, 3030, 3031, 3032, 3033, 3034, 3037, 3058].map((n) => [
      `F${n}`,
      `E${n}`,
    ]),
  ),
};

/** The cfn-lint rule a cfn-lint or cloudformation-validate finding reports (`E3012`); undefined for other rule ids. */
export function cfnLintRuleOf(rule: string): string | undefined {
  if (rule.startsWith(CFN_LINT_RULE_PREFIX)) return rule.slice(CFN_LINT_RULE_PREFIX.length);
  if (!rule.startsWith(VALIDATE_PREFIX)) return undefined;
  const id = rule.slice(VALIDATE_PREFIX.length);
  return VALIDATE_TO_CFN_LINT[id] ?? id;
}

/**
 * Maps one cfn-lint match to a finding: security rules (SECURITY_RULES) stay security, all others are deployment
 * problems; the resource and property path come from the match's template path, the line (with `file`) from its start.
 */
export function matchToFinding(match: CfnLintMatch, file?: string): Finding {
  const [section, name, ...rest] = match.path ?? [];
  const logicalId = section === 'Resources' && typeof name === 'string' ? name : undefined;
  const where = (logicalId ? rest : (match.path ?? [])).join('.');
  const finding: Finding = {
    rule: `${CFN_LINT_RULE_PREFIX}${match.rule}`,
    category: SECURITY_RULES.has(match.rule) ? 'security' : 'deployment',
    severity: SEVERITY[match.level] ?? 'warning',
    title: match.title || match.rule,
    message: match.message,
    resources: logicalId ? [logicalId] : [],
    source: 'cfn-lint',
  };
  if (where || logicalId) finding.evidence = [{ resource: logicalId, path: where || undefined, note: `${match.rule} (cfn-lint)` }];
  if (file && match.line) finding.location = { file, line: match.line, column: match.column || undefined };
  return finding;
}

/** A finding that says cfn-lint could not run (not installed, crashed, timed out), so the gap is visible instead of silent. */
export function cfnLintFailureFinding(reason: string): Finding {
  return {
    rule: `${CFN_LINT_RULE_PREFIX}unavailable`,
    category: 'deployment',
    severity: 'error',
    title: 'cfn-lint could not run',
    message: `cfn-lint failed: ${reason}`,
    resources: [],
    source: 'cfn-lint',
  };
}
