import { ruleEntry } from '../../rules/catalog';
import type { Finding } from '../../rules/finding';
import type { IsolatedSynthResult, SynthStage } from './types';

/** Rule id of the finding for each stage at which the answer can make synthesis fail (a `tool` failure is infra-review's). */
export const STAGE_RULE: Record<Exclude<SynthStage, 'tool'>, 'cdk-compile' | 'cdk-synth' | 'cdk-sandbox'> = {
  compile: 'cdk-compile',
  synth: 'cdk-synth',
  timeout: 'cdk-synth',
  memory: 'cdk-synth',
  sandbox: 'cdk-sandbox',
};

/**
 * Findings for an isolated synthesis: none when it succeeded, the language is unsupported or the failure is the
 * tool's own (stage `tool`), else one per diagnostic (with its file and line), or one without a location when the
 * failure names no place.
 */
export function isolatedSynthFindings(result: IsolatedSynthResult): Finding[] {
  if (result.status !== 'failed' || result.stage === 'tool') return [];
  const rule = STAGE_RULE[result.stage];
  const entry = ruleEntry(rule);
  const base = {
    rule,
    category: entry.category,
    severity: entry.severity,
    title: entry.title,
    resources: [],
    source: 'infra-review' as const,
  };
  if (!result.diagnostics.length) return [{ ...base, message: result.message }];
  return result.diagnostics.map((d) => ({
    ...base,
    message: `${d.file}:${d.line}: ${d.message}`,
    location: { file: d.file, line: d.line, ...(d.column ? { column: d.column } : {}) },
  }));
}
