import { findAcknowledgement, readAcknowledgements } from './acknowledgements';
import { validateTemplateText } from './cfn-validate/client';
import { diagnosticToFinding, validatorFailureFinding } from './cfn-validate/map';
import { runRules } from './engine';
import type { Finding } from './finding';
import { CATEGORIES, SEVERITIES } from './types';
import type { LoadedTemplate, SourceFile } from '../templates/types';

/** What one analysis looks at: at most one template, and any number of source files. */
export interface AnalysisInput {
  template?: LoadedTemplate;
  sources: readonly SourceFile[];
}

/** Runs the seed rules and cloudformation-validate over an artifact; acknowledged findings are marked, never dropped. */
export async function analyzeArtifact(input: AnalysisInput): Promise<Finding[]> {
  const findings = runRules({ template: input.template?.template, sources: input.sources });
  if (input.template) {
    const { template } = input;
    const text = template.text ?? JSON.stringify(template.template, null, 1);
    const file = template.text ? template.path : undefined;
    const outcome = await validateTemplateText(text, template.path);
    if ('error' in outcome) findings.push(validatorFailureFinding(outcome.error));
    else findings.push(...outcome.diagnostics.map((d) => diagnosticToFinding(d, outcome.rules, file)));
    const acks = readAcknowledgements(template.template);
    for (const finding of findings) {
      const ack = findAcknowledgement(acks, finding.rule, finding.resources);
      if (ack && !finding.acknowledged) finding.acknowledged = { reason: ack.reason };
    }
  }
  return sortFindings(findings);
}

/** Orders findings by the seed's category order, then severity, then rule id (stable otherwise). */
export function sortFindings<T extends Finding>(findings: T[]): T[] {
  const rank = (f: Finding) => CATEGORIES.indexOf(f.category) * 10 + SEVERITIES.indexOf(f.severity);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.f.rule.localeCompare(b.f.rule) || a.i - b.i)
    .map(({ f }) => f);
}
