/* One answer's plain and isolated outcomes, put side by side. */
import type { IsolatedSynthResult, SynthesizedStack } from '../../lib/synth/isolated';
import type { PlainResult } from './plain.mts';

/** An outcome as the report shows it: resources per stack when ok, the error's key line when failed. */
export interface Outcome {
  status: 'ok' | 'failed' | 'unsupported';
  ms: number;
  resources?: Record<string, number>;
  /** Resources per stack and type (the JSON report shows them for differing stacks). */
  types?: Record<string, Record<string, number>>;
  error?: string;
  detail?: string;
}

/** How the two outcomes of one answer compare; every verdict but `same-resources` and `same-error` is a difference. */
export type Verdict =
  'same-resources' | 'different-resources' | 'same-error' | 'different-error' | 'plain-only-ok' | 'isolated-only-ok' | 'unsupported';

/** Verdicts that are no difference between plain and isolated synthesis. */
export const AGREEMENTS: readonly Verdict[] = ['same-resources', 'same-error'];

// AWS::CDK::Metadata is the CLI's version reporting (context it passes), not the answer's.
const answerResources = (stack: SynthesizedStack) =>
  Object.values(stack.template.Resources ?? {}).filter((r) => r?.Type !== 'AWS::CDK::Metadata');
const resourcesOf = (stacks: SynthesizedStack[]) => ({
  resources: Object.fromEntries(stacks.map((s) => [s.stackName, answerResources(s).length])),
  types: Object.fromEntries(stacks.map((s) => [s.stackName, tally(answerResources(s).map((r) => String(r.Type)))])),
});
const tally = (values: string[]) => values.reduce<Record<string, number>>((counts, v) => ({ ...counts, [v]: (counts[v] ?? 0) + 1 }), {});

/** Per stack, resource types whose counts differ: plain count minus isolated count. */
export function resourceDiff(plain: Outcome, isolated: Outcome): Record<string, Record<string, number>> {
  const stacks = new Set([...Object.keys(plain.types ?? {}), ...Object.keys(isolated.types ?? {})]);
  const diff: Record<string, Record<string, number>> = {};
  for (const stack of stacks) {
    const a = plain.types?.[stack] ?? {};
    const b = isolated.types?.[stack] ?? {};
    for (const type of new Set([...Object.keys(a), ...Object.keys(b)]))
      if ((a[type] ?? 0) !== (b[type] ?? 0)) (diff[stack] ??= {})[type] = (a[type] ?? 0) - (b[type] ?? 0);
  }
  return diff;
}

/** The plain CLI's outcome. */
export function plainOutcome(result: PlainResult): Outcome {
  return result.status === 'ok'
    ? { status: 'ok', ms: result.ms, ...resourcesOf(result.stacks) }
    : { status: 'failed', ms: result.ms, error: keyLine(result.error), detail: result.error.slice(-2000) };
}

/** The isolated synthesis's outcome; `ms` is the caller's wall time. */
export function isolatedOutcome(result: IsolatedSynthResult, ms: number): Outcome {
  if (result.status === 'ok') return { status: 'ok', ms, ...resourcesOf(result.templates) };
  if (result.status === 'unsupported') return { status: 'unsupported', ms, error: result.message };
  const where = result.diagnostics[0] ? `${result.diagnostics[0].file}:${result.diagnostics[0].line} ` : '';
  const text = [result.message, ...result.diagnostics.map((d) => d.message)].join('\n');
  return { status: 'failed', ms, error: `${result.stage}: ${where}${keyLine(text)}`, detail: text.slice(-2000) };
}

/** Compares two outcomes of the same answer. */
export function verdictOf(plain: Outcome, isolated: Outcome): Verdict {
  if (plain.status === 'unsupported' || isolated.status === 'unsupported') return 'unsupported';
  if (plain.status === 'ok' && isolated.status === 'ok')
    return JSON.stringify(sorted(plain.resources!)) === JSON.stringify(sorted(isolated.resources!))
      ? 'same-resources'
      : 'different-resources';
  if (plain.status === 'ok') return 'plain-only-ok';
  if (isolated.status === 'ok') return 'isolated-only-ok';
  return sameError(plain, isolated) ? 'same-error' : 'different-error';
}

const sorted = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

const EXCEPTION = /^(?:[\w.]*(?:Error|Exception)|jsii\.errors\.\w+)(?:\s*\[[^\]]*\])?: .+/;

/**
 * The line that says what went wrong: a TypeScript diagnostic, a CDK error («Code» message), the last exception of a
 * Python traceback, the first exception of a Node stack, a validation `ERROR` line; else the first line that is not
 * Node's or the CLI's frame.
 */
export function keyLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const exceptions = lines.filter((l) => EXCEPTION.test(l));
  const line =
    lines.find((l) => /error TS\d+: /.test(l)) ??
    lines.find((l) => /^«\w+» /.test(l)) ??
    (text.includes('Traceback (most recent call last)') ? exceptions.at(-1) : exceptions[0]) ??
    lines.find((l) => /^ERROR:? /.test(l)) ??
    lines.find((l) => !/^(node:internal|\^|at |\.\.\.|Node\.js v|\[WARNING\])/.test(l) && !/Subprocess exited with error/.test(l)) ??
    '';
  return line.slice(0, 300);
}

/** Same error when the key message (without its exception name and paths) of one appears in the other's text. */
function sameError(plain: Outcome, isolated: Outcome): boolean {
  const core = (line: string) =>
    line
      .replace(/^.*?(?:error TS\d+|[\w.]*(?:Error|Exception)|jsii\.errors\.\w+)(?:\s*\[[^\]]*\])?: |^«\w+» |^ERROR:? /, '')
      .replace(/\/\S*\//g, '')
      .trim();
  const plainCore = core(plain.error ?? '');
  const isolatedCore = core(isolated.error ?? '');
  return (
    (plainCore.length > 0 && (isolated.detail ?? '').replace(/\/\S*\//g, '').includes(plainCore.slice(0, 120))) ||
    (isolatedCore.length > 0 && (plain.detail ?? '').replace(/\/\S*\//g, '').includes(isolatedCore.slice(0, 120)))
  );
}
