import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { interpretRun } from './interpret';
import { runNodeWorker } from './node-worker';
import type { AnswerFile, Containment, IsolatedSynthResult, SynthLimits } from './types';
import { writeFiles } from './workspace';

// Run by the worker with the `typescript` package of node_modules; writes {"status":"typechecked",diagnostics} to fd 3.
const TYPECHECK_SOURCE = String.raw`'use strict';
const fs = require('node:fs');
const ts = require('typescript');
const [root, nodeModules, listFile, strict] = process.argv.slice(2);
const files = JSON.parse(fs.readFileSync(listFile, 'utf8')).map((f) => root + '/' + f);
const program = ts.createProgram(files, {
  strict: strict === 'true', noEmit: true, skipLibCheck: true, esModuleInterop: true, experimentalDecorators: true,
  target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
  types: ['node'], typeRoots: [nodeModules + '/@types'], baseUrl: root, paths: { '*': [nodeModules + '/*', nodeModules + '/@types/*'] },
});
const diagnostics = ts.getPreEmitDiagnostics(program)
  .filter((d) => d.file && d.file.fileName.startsWith(root + '/'))
  .slice(0, 200)
  .map((d) => {
    const at = d.file.getLineAndCharacterOfPosition(d.start || 0);
    return { file: d.file.fileName.slice(root.length + 1), line: at.line + 1, column: at.character + 1, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') };
  });
fs.writeSync(3, JSON.stringify({ status: 'typechecked', diagnostics }) + '\n');
`;

const Report = z.object({
  status: z.literal('typechecked'),
  diagnostics: z
    .array(z.object({ file: z.string(), line: z.number(), column: z.number().optional(), message: z.string().max(10_000) }))
    .max(200),
});

/**
 * Type-checks a TypeScript answer against aws-cdk-lib's declarations in a contained Node worker (the same containment
 * and limits as synthesis; `strict` as the answer's tsconfig.json says, else on). Resolves to undefined when it
 * type-checks, else to the `compile` failure with each error's file and line (or the worker's timeout or memory failure).
 */
export async function typeCheck(
  scratch: string,
  nodeModules: string,
  files: readonly AnswerFile[],
  limits: Required<SynthLimits>,
  containment: Containment,
  started: number,
): Promise<IsolatedSynthResult | undefined> {
  const root = path.join(scratch, 'typecheck');
  const sources = files.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f.path));
  writeFiles(root, sources);
  writeFileSync(path.join(scratch, 'typecheck.cjs'), TYPECHECK_SOURCE);
  writeFileSync(path.join(scratch, 'typecheck-files.json'), JSON.stringify(sources.map((f) => f.path)));
  const run = await runNodeWorker({
    scratch,
    nodeModules,
    limits,
    containment,
    script: path.join(scratch, 'typecheck.cjs'),
    args: [root, nodeModules, path.join(scratch, 'typecheck-files.json'), String(strictOf(files))],
  });
  const report = Report.safeParse(safeJson(run.report.trim().split('\n')[0] ?? ''));
  if (!report.success) {
    const outcome = interpretRun(
      { ...run, exitCode: run.exitCode === 0 ? 1 : run.exitCode },
      { scratch, src: root, outdir: root, limits, containment, durationMs: Date.now() - started },
    );
    return outcome.status === 'failed' ? { ...outcome, message: `Type checking failed: ${outcome.message}` } : undefined;
  }
  const { diagnostics } = report.data;
  if (!diagnostics.length) return undefined;
  const message = `The answer does not type-check: ${diagnostics.length} error(s), first at ${diagnostics[0].file}:${diagnostics[0].line}: ${diagnostics[0].message}`;
  return { status: 'failed', stage: 'compile', message, diagnostics, durationMs: Date.now() - started, containment };
}

/** `compilerOptions.strict` of the answer's tsconfig.json; true when absent or unreadable (as `cdk init` sets it). */
function strictOf(files: readonly AnswerFile[]): boolean {
  const tsconfig = files.find((f) => f.path === 'tsconfig.json');
  const strict = (safeJson(tsconfig?.text ?? '') as { compilerOptions?: { strict?: unknown } } | undefined)?.compilerOptions?.strict;
  return strict !== false;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
