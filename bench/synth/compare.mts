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
  /** `file:line` in the answer that the error points at, when it names one. */
  at?: string;
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
  if (result.status === 'ok') return { status: 'ok', ms: result.ms, ...resourcesOf(result.stacks) };
  return {
    status: 'failed',
    ms: result.ms,
    error: keyLine(result.error),
    at: answerLocation(result.error),
    detail: result.error.slice(-3000),
  };
}

/** The isolated synthesis's outcome; `ms` is the caller's wall time. */
export function isolatedOutcome(result: IsolatedSynthResult, ms: number): Outcome {
  if (result.status === 'ok') return { status: 'ok', ms, ...resourcesOf(result.templates) };
  if (result.status === 'unsupported') return { status: 'unsupported', ms, error: result.message };
  const at = result.diagnostics[0] ? `${result.diagnostics[0].file}:${result.diagnostics[0].line}` : undefined;
  const text = [result.message, ...result.diagnostics.map((d) => d.message)].join('\n');
  return { status: 'failed', ms, error: `${result.stage}: ${at ? `${at} ` : ''}${keyLine(text)}`, at, detail: text.slice(-3000) };
}

/** Compares two outcomes of the same answer. */
export function verdictOf(plain: Outcome, isolated: Outcome): Verdict {
  if (plain.status === 'unsupported' || isolated.status === 'unsupported') return 'unsupported';
  if (plain.status === 'ok' && isolated.status === 'ok') return sameStacks(plain, isolated) ? 'same-resources' : 'different-resources';
  if (plain.status === 'ok') return 'plain-only-ok';
  if (isolated.status === 'ok') return 'isolated-only-ok';
  return sameError(plain, isolated) ? 'same-error' : 'different-error';
}

/** The same stacks by resource types and counts; names are not compared, as some answers put Date.now() in them. */
function sameStacks(plain: Outcome, isolated: Outcome): boolean {
  const shape = (o: Outcome) =>
    Object.values(o.types ?? {})
      .map((types) => JSON.stringify(Object.entries(types).sort(([a], [b]) => a.localeCompare(b))))
      .sort();
  return JSON.stringify(shape(plain)) === JSON.stringify(shape(isolated));
}

/** `file:line` of the answer that an error names first: esbuild's `file:line:col: ERROR`, a TypeScript diagnostic, a Node frame, the last Python frame. */
export function answerLocation(text: string): string | undefined {
  const compiler =
    /^([\w./-]+\.[cm]?[jt]sx?):(\d+):\d+: ERROR/m.exec(text) ?? /^([\w./-]+\.[cm]?[jt]sx?)\((\d+),\d+\): error TS/m.exec(text);
  const node = /^\s+at (?:.*\()?((?!node:|\/)[\w./-]+\.[cm]?[jt]sx?):(\d+):\d+\)?$/m.exec(text);
  const python = [...text.matchAll(/File "((?!\/)[^"]+\.py)", line (\d+)/g)].at(-1);
  const found = compiler ?? node ?? python;
  return found ? `${found[1]}:${found[2]}` : undefined;
}

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
    lines.find((l) => /error TS\d+: |^\S+:\d+:\d+: ERROR: /.test(l)) ??
    lines.find((l) => /^\[?«\w+» /.test(l)) ??
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
      .replace(/^.*?(?:error TS\d+|[\w.]*(?:Error|Exception)|jsii\.errors\.\w+)(?:\s*\[[^\]]*\])?: |^\[?«\w+» |^ERROR:? /, '')
      .replace(/\/\S*\//g, '')
      .trim();
  const plainCore = core(plain.error ?? '');
  const isolatedCore = core(isolated.error ?? '');
  // A compile failure is the same when both point at the same line: esbuild and TypeScript word syntax errors differently.
  if (isolated.error?.startsWith('compile:') && plain.at !== undefined && plain.at === isolated.at) return true;
  return (
    (plainCore.length > 0 && (isolated.detail ?? '').replace(/\/\S*\//g, '').includes(plainCore.slice(0, 120))) ||
    (isolatedCore.length > 0 && (plain.detail ?? '').replace(/\/\S*\//g, '').includes(isolatedCore.slice(0, 120)))
  );
}
