import { findAcknowledgement, readAcknowledgements } from './metadata-acknowledgements';
import { isHeavy, scaledTimeoutMs } from '../limits/heavy-lane';
import { CFN_LINT_TIMEOUT_MS, lintTemplateText } from './cfn-lint/client';
import { cfnLintFailureFinding, cfnLintRuleOf, matchToFinding } from './cfn-lint/map';
import { VALIDATE_TIMEOUT_MS, validateTemplateText } from './cfn-validate/client';
import { diagnosticToFinding, validatorFailureFinding } from './cfn-validate/map';
import { baseNagRuleId } from './cdk-nag/mapping';
import type { RulePackId } from './cdk-nag/packs';
import { runNagPacks } from './cdk-nag/run';
import { dedupeFindings } from './dedupe';
import { runRules } from './engine';
import type { Finding } from './finding';
import { CATEGORIES, SEVERITIES, type RuleInput } from './types';
import type { LoadedTemplate, SourceFile } from '../templates/types';

/** What one analysis looks at: at most one template, and any number of source files. */
export interface AnalysisInput {
  template?: LoadedTemplate;
  sources: readonly SourceFile[];
}

/** Options of one analysis: the cdk-nag packs to run besides the seed rules, cloudformation-validate and cfn-lint. */
export interface AnalysisOptions {
  packs?: readonly RulePackId[];
  /** Runs the seed rules (runRules by default); a caller may run them elsewhere, e.g. off the event loop for a large template. */
  runRules?: (input: RuleInput) => Finding[] | Promise<Finding[]>;
}

/**
 * Runs the seed rules, cloudformation-validate and cfn-lint (the two linters concurrently, each in its own thread or
 * process) over an artifact, plus the selected cdk-nag packs; a linter that cannot run yields one finding saying so.
 * Acknowledged findings are marked, never dropped. Findings are always deduplicated across sources (dedupeFindings):
 * one problem at one place is one finding that lists every source and rule id that reported it.
 */
export async function analyzeArtifact(input: AnalysisInput, options: AnalysisOptions = {}): Promise<Finding[]> {
  const packs = options.packs ?? [];
  const { template } = input;
  const text = template && (template.text ?? JSON.stringify(template.template, null, 1));
  const resources = template ? Object.keys(template.template.Resources).length : 0;
  // The linters start first: they work in their own thread and process while the rules run here.
  const linted =
    template && text !== undefined
      ? Promise.all([
          validateTemplateText(text, template.path, {
            timeoutMs: scaledTimeoutMs(resources, VALIDATE_TIMEOUT_MS),
            heavy: isHeavy(resources),
          }),
          lintTemplateText(text, { timeoutMs: scaledTimeoutMs(resources, CFN_LINT_TIMEOUT_MS) }),
          runNagPacks(template.template, packs),
        ])
      : undefined;
  const findings = await (options.runRules ?? runRules)({ template: template?.template, sources: input.sources });
  if (template && linted) {
    const file = template.text ? template.path : undefined;
    const [outcome, lint, nagFindings] = await linted;
    if ('error' in outcome) findings.push(validatorFailureFinding(outcome.error));
    else findings.push(...outcome.diagnostics.map((d) => diagnosticToFinding(d, outcome.rules, file)));
    if ('error' in lint) findings.push(cfnLintFailureFinding(lint.error));
    else findings.push(...lint.matches.map((m) => matchToFinding(m, file)));
    findings.push(...nagFindings);
    const acks = readAcknowledgements(template.template);
    for (const finding of findings) {
      // cdk-nag suppressions name the rule without its finding suffix (`AwsSolutions-IAM5`, not `AwsSolutions-IAM5[...]`);
      // a linter rule acknowledged under one linter's id (`cfn-validate/W3005`) is acknowledged for the other too.
      const lintRule = cfnLintRuleOf(finding.rule);
      const sameLintRule = lintRule ? acks.filter((a) => cfnLintRuleOf(a.rule) === lintRule).map((a) => a.rule) : [];
      const ack = [finding.rule, baseNagRuleId(finding.rule), ...sameLintRule]
        .map((rule) => findAcknowledgement(acks, rule, finding.resources))
        .find(Boolean);
      if (ack && !finding.acknowledged) finding.acknowledged = { reason: ack.reason };
    }
  }
  return sortFindings(dedupeFindings(findings));
}

/** Orders findings by the seed's category order, then severity, then rule id (stable otherwise). */
export function sortFindings<T extends Finding>(findings: T[]): T[] {
  const rank = (f: Finding) => CATEGORIES.indexOf(f.category) * 10 + SEVERITIES.indexOf(f.severity);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.f.rule.localeCompare(b.f.rule) || a.i - b.i)
    .map(({ f }) => f);
}
