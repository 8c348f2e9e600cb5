import { z } from 'zod';
import { readAssembly } from './assembly';
import type { ContainedRun } from './sandbox';
import type { Containment, IsolatedSynthResult, SynthDiagnostic, SynthLimits, SynthStage } from './types';
import { frameInside } from './workspace';

/** Where a run happened, to turn its output into a result. */
export interface RunContext {
  scratch: string;
  /** Directory of the answer's files: stack frames inside it become diagnostics. */
  src: string;
  outdir: string;
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
  }),
]);

const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|\bMemoryError\b/;
const PYTHON_COMPILE = /\b(SyntaxError|IndentationError|TabError|ModuleNotFoundError|ImportError)\b/;
const PYTHON_SANDBOX = /\b(PermissionError|Network is unreachable|ENETUNREACH|File too large)\b/;

/** Turns a contained run into the answer's result: limits first, then the worker's report, then the exit and the assembly. */
export function interpretRun(run: ContainedRun, ctx: RunContext): IsolatedSynthResult {
  const failed = (stage: SynthStage, message: string, diagnostics: SynthDiagnostic[] = []): IsolatedSynthResult => ({
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
  if (report?.success && report.data.status === 'failed') {
    const frame = frameInside(report.data.stack ?? '', ctx.src) ?? frameInside(report.data.message, ctx.src);
    const message = scrub(report.data.message, ctx.scratch);
    return failed(report.data.stage, message, frame ? [{ ...frame, message }] : []);
  }
  if (run.exitCode !== 0) {
    const lastLine = run.stderr.trim().split('\n').filter(Boolean).at(-1) ?? '';
    const frame = frameInside(run.stderr, ctx.src);
    const stage: SynthStage = PYTHON_COMPILE.test(lastLine) ? 'compile' : PYTHON_SANDBOX.test(lastLine) ? 'sandbox' : 'synth';
    const message = `The app exited with ${run.signal ? `signal ${run.signal}` : `code ${run.exitCode}`}${lastLine ? `: ${lastLine}` : ''}`;
    return failed(stage, message, frame ? [{ ...frame, message: scrub(lastLine || message, ctx.scratch) }] : []);
  }
  const assembly = readAssembly(ctx.outdir, ctx.scratch);
  if (!assembly.ok) return failed('synth', `The app ran but produced no readable cloud assembly. ${assembly.message}`);
  if (!assembly.stacks.length) return failed('synth', 'The app ran but synthesized no stacks.');
  return { status: 'ok', templates: assembly.stacks, durationMs: ctx.durationMs, containment: ctx.containment };
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
