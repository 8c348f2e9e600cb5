/* Difference findings in the shape of every other finding: catalog rule id, judged category and severity, evidence on both sides. */
import type { RuleId } from '../rules/catalog';
import type { Finding } from '../rules/finding';
import type { Evidence } from '../rules/types';
import type { Judgement } from './knowledge';

/** Rule ids of difference findings (catalog entries). */
export type DifferenceRuleId = Extract<RuleId, `difference/${string}`>;

/** What one difference says: its own title, message, model resources, evidence and the reference's fix. */
export interface DifferenceReport {
  title: string;
  message: string;
  /** Model logical IDs concerned (none when the model has no counterpart). */
  resources: string[];
  evidence: Evidence[];
  /** What the reference does (resource, property and value). */
  fix: string;
}

/** A finding of `rule`, its category and severity from the knowledge table's judgement. */
export function differenceFinding(
  rule: DifferenceRuleId,
  judgement: Pick<Judgement, 'category' | 'severity'>,
  report: DifferenceReport,
): Finding {
  return {
    rule,
    category: judgement.category,
    severity: judgement.severity,
    title: report.title,
    message: report.message,
    resources: [...new Set(report.resources)],
    evidence: report.evidence,
    fix: report.fix,
    source: 'reference-diff',
  };
}

/** Evidence of a reference resource at `path` (the value it has there, when it has one). */
export function referenceEvidence(resource: string, path: string | undefined, value: unknown, note: string): Evidence {
  return { resource, side: 'reference', ...(path ? { path } : {}), ...(value !== undefined ? { value } : {}), note: `reference: ${note}` };
}

/** Evidence of a model resource at `path` (omitted value: the model does not set it). */
export function modelEvidence(resource: string, path: string | undefined, value: unknown, note: string): Evidence {
  return { resource, side: 'model', ...(path ? { path } : {}), ...(value !== undefined ? { value } : {}), note: `model: ${note}` };
}

/** A value as it reads in a sentence: short JSON in backticks. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return `\`${text.length > 120 ? `${text.slice(0, 117)}...` : text}\``;
}
