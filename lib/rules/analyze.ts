import { findAcknowledgement, readAcknowledgements } from './metadata-acknowledgements';
import { validateTemplateText } from './cfn-validate/client';
import { diagnosticToFinding, validatorFailureFinding } from './cfn-validate/map';
import { baseNagRuleId } from './cdk-nag/mapping';
import type { RulePackId } from './cdk-nag/packs';
import { runNagPacks } from './cdk-nag/run';
import { dedupeFindings } from './dedupe';
import { runRules } from './engine';
import type { Finding } from './finding';
import { CATEGORIES, SEVERITIES } from './types';
import type { LoadedTemplate, SourceFile } from '../templates/types';

/** What one analysis looks at: at most one template, and any number of source files. */
export interface AnalysisInput {
  template?: LoadedTemplate;
  sources: readonly SourceFile[];
}

/** Options of one analysis: the cdk-nag packs to run besides the seed rules and cloudformation-validate. */
export interface AnalysisOptions {
  packs?: readonly RulePackId[];
}

/**
 * Runs the seed rules and cloudformation-validate over an artifact, plus the selected cdk-nag packs; acknowledged
 * findings are marked, never dropped. With packs selected, findings are deduplicated across sources (dedupeFindings);
 * without, the result is exactly the seed rules' and the validator's findings.
 */
export async function analyzeArtifact(input: AnalysisInput, options: AnalysisOptions = {}): Promise<Finding[]> {
  const packs = options.packs ?? [];
  const findings = runRules({ template: input.template?.template, sources: input.sources });
  if (input.template) {
    const { template } = input;
    const text = template.text ?? JSON.stringify(template.template, null, 1);
    const file = template.text ? template.path : undefined;
    const [outcome, nagFindings] = await Promise.all([validateTemplateText(text, template.path), runNagPacks(template.template, packs)]);
    if ('error' in outcome) findings.push(validatorFailureFinding(outcome.error));
    else findings.push(...outcome.diagnostics.map((d) => diagnosticToFinding(d, outcome.rules, file)));
    findings.push(...nagFindings);
    const acks = readAcknowledgements(template.template);
    for (const finding of findings) {
      // cdk-nag suppressions name the rule without its finding suffix (`AwsSolutions-IAM5`, not `AwsSolutions-IAM5[...]`).
      const ack =
        findAcknowledgement(acks, finding.rule, finding.resources) ??
        findAcknowledgement(acks, baseNagRuleId(finding.rule), finding.resources);
      if (ack && !finding.acknowledged) finding.acknowledged = { reason: ack.reason };
    }
  }
  return sortFindings(packs.length ? dedupeFindings(findings) : findings);
}

/** Orders findings by the seed's category order, then severity, then rule id (stable otherwise). */
export function sortFindings<T extends Finding>(findings: T[]): T[] {
  const rank = (f: Finding) => CATEGORIES.indexOf(f.category) * 10 + SEVERITIES.indexOf(f.severity);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.f.rule.localeCompare(b.f.rule) || a.i - b.i)
    .map(({ f }) => f);
}
