import type { StandardDiagnostic } from '@aws/cloudformation-validate';
import type { Finding } from '../finding';
import type { Category, Severity } from '../types';
import type { ValidateRuleInfo } from './client';

/** Prefix of the rule ids of findings reported by cloudformation-validate. */
export const VALIDATE_RULE_PREFIX = 'cfn-validate/';

const CATEGORY: Record<string, Category> = {
  Security: 'security',
  'Best Practice': 'deployment',
};

const SEVERITY: Record<string, Severity> = { FATAL: 'error', ERROR: 'error', WARN: 'warning', INFO: 'info', DEBUG: 'info' };

/** Maps one diagnostic to a finding: security diagnostics stay security, all others are deployment problems. */
export function diagnosticToFinding(d: StandardDiagnostic, rules: ValidateRuleInfo, file?: string): Finding {
  const logicalId = d.entity?.entityType === 'Resource' ? d.entity.logicalId : undefined;
  const finding: Finding = {
    rule: `${VALIDATE_RULE_PREFIX}${d.ruleId}`,
    category: CATEGORY[d.category ?? ''] ?? 'deployment',
    severity: SEVERITY[d.severity] ?? 'warning',
    title: rules[d.ruleId]?.description ?? d.ruleId,
    message: d.message,
    resources: logicalId ? [logicalId] : [],
    source: 'cloudformation-validate',
  };
  if (d.propertyPath || logicalId) {
    finding.evidence = [{ resource: logicalId, path: d.propertyPath ?? undefined, note: `${d.ruleId} (${d.category ?? d.source})` }];
  }
  if (file && d.startLine) finding.location = { file, line: d.startLine, column: d.startColumn ?? undefined };
  return finding;
}

/** A finding that says validation itself could not run, so the gap is visible instead of silent. */
export function validatorFailureFinding(reason: string): Finding {
  return {
    rule: `${VALIDATE_RULE_PREFIX}unavailable`,
    category: 'deployment',
    severity: 'error',
    title: 'CloudFormation validation could not run',
    message: `@aws/cloudformation-validate failed: ${reason}`,
    resources: [],
    source: 'cloudformation-validate',
  };
}
