import path from 'node:path';
import { z } from 'zod';
import { readAssembly } from './assembly';
import { GENERATED_ENTRY } from './entry';
import type { ContainedRun } from './sandbox';
import type { AnswerFile, Containment, IsolatedSynthResult, SynthDiagnostic, SynthLimits, SynthStage } from './types';
import { frameInside } from './workspace';

/** Where a run happened, to turn its output into a result. */
export interface RunContext {
  scratch: string;
  /** Directory of the answer's files: stack frames inside it become diagnostics. */
  src: string;
  outdir: string;
  /** The node_modules that infra-review provides (TypeScript), and the answer's files: to tell its own faults from the answer's. */
  nodeModules?: string;
  answer?: readonly AnswerFile[];
  limits: Required<SynthLimits>;
  containment: Containment;
  durationMs: number;
}

// The worker's report is written by code that runs next to the answer, so it is parsed as untrusted input.
const Report = z.union([
  z.object({ status: z.literal('exited'), code: z.number().nullable().optional() }),
  z.object({
    status: z.literal('failed'),
    stage: z.enum(['compile', 'synth', 'sandbox']),
    message: z.string().max(100_000),
    stack: z.string().max(1_000_000).optional(),
    code: z.string().max(200).optional(),
    resource: z.string().max(4096).optional(),
  }),
]);

type SynthFailure = Extract<IsolatedSynthResult, { status: 'failed' }>;

const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|\bMemoryError\b/;
const PYTHON_COMPILE = /\b(SyntaxError|IndentationError|TabError|ModuleNotFoundError|ImportError)\b/;
const PYTHON_SANDBOX = /\b(PermissionError|Network is unreachable|ENETUNREACH|File too large)\b/;

/** Turns a contained run into the answer's result: limits first, then the worker's report, then the exit and the assembly. */
export function interpretRun(run: ContainedRun, ctx: RunContext): IsolatedSynthResult {
  const failed = (stage: SynthStage, message: string, diagnostics: SynthDiagnostic[] = []): SynthFailure => ({
    status: 'failed',
    stage,
    message: scrub(message, ctx.scratch),
    diagnostics,
    durationMs: ctx.durationMs,
    containment: ctx.containment,
  });
  if (run.killedFor === 'timeout')
    return failed('timeout', `The answer did not finish within ${ctx.limits.timeoutMs / 1000} s; its processes were killed.`);
  if (run.killedFor === 'memory' || OUT_OF_MEMORY.test(run.stderr)) {
    return failed(
      'memory',
      `The answer exceeded the memory limit (${ctx.limits.memoryMb} MB of heap, ${ctx.limits.memoryMb + ctx.limits.rssSlackMb} MB resident) and was stopped.`,
    );
  }
  const line = run.report.trim().split('\n')[0];
  const report = line ? Report.safeParse(safeJson(line)) : undefined;
  if (!line && run.exitCode === null && run.signal === null)
    return failed('tool', `The synthesis worker could not start: ${run.stderr.trim().split('\n').at(-1) ?? 'no output'}`);
  if (report?.success && report.data.status === 'failed') {
    const fault = toolFault(report.data, ctx);
    if (fault) return failed('tool', fault);
    const frame =
      frameInside(report.data.stack ?? '', ctx.src, [GENERATED_ENTRY]) ?? frameInside(report.data.message, ctx.src, [GENERATED_ENTRY]);
    const message = scrub(report.data.message, ctx.scratch);
    return withPartialTemplate(failed(report.data.stage, message, frame ? [{ ...frame, message }] : []), run, ctx);
  }
  if (run.exitCode !== 0) {
    const lastLine = run.stderr.trim().split('\n').filter(Boolean).at(-1) ?? '';
    const frame = frameInside(run.stderr, ctx.src);
    const stage: SynthStage = PYTHON_COMPILE.test(lastLine) ? 'compile' : PYTHON_SANDBOX.test(lastLine) ? 'sandbox' : 'synth';
    const message = `The app exited with ${run.signal ? `signal ${run.signal}` : `code ${run.exitCode}`}${lastLine ? `: ${lastLine}` : ''}`;
    return withPartialTemplate(
      failed(stage, message, frame ? [{ ...frame, message: scrub(lastLine || message, ctx.scratch) }] : []),
      run,
      ctx,
    );
  }
  const assembly = readAssembly(ctx.outdir, ctx.scratch, 0, ctx.src);
  if (!assembly.ok) return failed('synth', `The app ran but produced no readable cloud assembly. ${assembly.message}`);
  if (!assembly.stacks.length) return failed('synth', 'The app ran but synthesized no stacks.');
  return { status: 'ok', templates: assembly.stacks, durationMs: ctx.durationMs, containment: ctx.containment };
}

/**
 * A synth-stage failure with the partial template of what the app built before it (`lenient`), when the worker
 * reported `{"status":"partial"}` (its apps synthesized after the exception) and the assembly holds at least one resource.
 */
function withPartialTemplate(result: SynthFailure, run: ContainedRun, ctx: RunContext): SynthFailure {
  const salvaged = run.report.split('\n').some((line) => (safeJson(line) as { status?: unknown } | undefined)?.status === 'partial');
  const partial = salvaged && result.stage === 'synth' ? readAssembly(ctx.outdir, ctx.scratch, 0, ctx.src) : undefined;
  // A stack that failed before its first resource gives an empty template: nothing for the rules, everything missing in the diff.
  const built =
    partial?.ok && partial.stacks.some((s) => Object.values(s.template.Resources ?? {}).some((r) => r?.Type !== 'AWS::CDK::Metadata'));
  if (!partial?.ok || !built) return result;
  const at = result.diagnostics[0] ? ` at ${result.diagnostics[0].file}:${result.diagnostics[0].line}` : '';
  const note = `partial template: the constructs the app created before it failed${at}; what its code would have created after that is missing`;
  return { ...result, lenient: { templates: partial.stacks, note } };
}

/**
 * Why a failure the worker reported is infra-review's own fault, if it is: a library it provides (not the answer's own
 * code) was refused something synthesis needs (a directory above the scratch directory or inside node_modules, a
 * child process), or a package is missing that infra-review should provide (aws-cdk-lib, constructs,
 * source-map-support) or that the answer's package.json declares. Anything else (a path of the answer's choosing, a
 * CDK v1 import, a refusal raised in the answer's own code) is the answer's.
 */
function toolFault(
  report: { stage: string; message: string; code?: string; resource?: string; stack?: string },
  ctx: RunContext,
): string | undefined {
  const { resource, stack = '' } = report;
  if (report.stage === 'sandbox' && ctx.nodeModules && callerFile(stack, ctx.scratch)?.startsWith(`${ctx.nodeModules}/`)) {
    const above =
      resource !== undefined && path.isAbsolute(resource) && ctx.scratch.startsWith(resource.endsWith('/') ? resource : `${resource}/`);
    const provided = resource !== undefined && resource.startsWith(`${ctx.nodeModules}/`);
    if (resource === undefined || above || provided)
      return `infra-review's sandbox refused what a CDK library needs to synthesize (not the answer's code): ${scrub(report.message, ctx.scratch)}`;
  }
  const missing = report.code === 'MODULE_NOT_FOUND' ? /Cannot find module '([^']+)'/.exec(report.message)?.[1] : undefined;
  if (missing && !missing.startsWith('.') && !missing.startsWith('/')) {
    const name = missing.startsWith('@') ? missing.split('/').slice(0, 2).join('/') : missing.split('/')[0];
    if (PROVIDED_PACKAGES.includes(name) || declaredPackages(ctx.answer ?? []).includes(name))
      return `The package ${name} is not installed in infra-review's synthesis environment (the answer declares or expects it): ${scrub(report.message.split('\n')[0], ctx.scratch)}`;
  }
  return undefined;
}

// Node's own frames, the worker's runner and fs wrappers (aws-cdk-lib's profiler, graceful-fs) only pass a call on.
const PASS_THROUGH = /^node:|\/aws-cdk-lib\/core\/lib\/private\/perf\.js$|\/graceful-fs\/[^/]+\.js$/;

/** The file of the first stack frame that made the failing call (Node internals, the runner and fs wrappers skipped). */
function callerFile(stack: string, scratch: string): string | undefined {
  for (const [, file] of stack.matchAll(/^\s+at (?:.*\()?([^()\s]+?):\d+:\d+\)?$/gm)) {
    if (!PASS_THROUGH.test(file) && file !== path.join(scratch, 'runner.cjs')) return file;
  }
  return undefined;
}

/** Packages a `cdk init` TypeScript app has installed, which infra-review provides to every answer. */
const PROVIDED_PACKAGES = ['aws-cdk-lib', 'constructs', 'source-map-support'];

/** Package names the answer's root package.json declares (dependencies of every kind); none when it has none or it is malformed. */
function declaredPackages(files: readonly AnswerFile[]): string[] {
  const manifest = safeJson(files.find((f) => f.path === 'package.json')?.text ?? '');
  if (!manifest || typeof manifest !== 'object') return [];
  return ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((key) => {
    const deps = (manifest as Record<string, unknown>)[key];
    return deps && typeof deps === 'object' ? Object.keys(deps) : [];
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The message with the scratch directory's path removed, so paths read as the answer's own. */
function scrub(message: string, scratch: string): string {
  return message.split(`${scratch}/src/`).join('').split(scratch).join('<scratch>');
}
