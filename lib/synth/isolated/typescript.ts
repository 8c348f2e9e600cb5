import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compileTypeScript } from './compile';
import { contextEnv } from './cdk-json';
import { planTypeScriptEntry } from './entry';
import { interpretRun } from './interpret';
import { RUNNER_SOURCE } from './runner-source';
import { networkNamespaceAvailable, runContained } from './sandbox';
import type { AnswerFile, Containment, IsolatedSynthResult, SynthLimits } from './types';
import { withScratchDir, writeFiles } from './workspace';

/** The node_modules directory that provides aws-cdk-lib and constructs to answers (read-only to them). */
export function appNodeModules(): string {
  const resolve = createRequire(path.join(process.cwd(), 'package.json')).resolve;
  return path.dirname(path.dirname(resolve('aws-cdk-lib/package.json')));
}

/** Node's flag for its permission model: `--permission` from Node 22.13 on, `--experimental-permission` before. */
export function permissionFlag(version = process.versions.node): string {
  const [major, minor] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 13) ? '--permission' : '--experimental-permission';
}

/**
 * Compiles a TypeScript CDK answer and synthesizes it in a contained Node process (see synthesizeIsolated).
 * The scratch directory holds `runner.cjs`, the answer under `src/` and the assembly under `cdk.out/`.
 */
export async function synthesizeTypeScript(
  files: readonly AnswerFile[],
  entry: string | undefined,
  limits: Required<SynthLimits>,
  network: 'auto' | 'module',
): Promise<IsolatedSynthResult> {
  const started = Date.now();
  const durationMs = () => Date.now() - started;
  const plan = planTypeScriptEntry(files, entry);
  if (plan.kind === 'missing') return { status: 'failed', stage: 'compile', message: plan.message, diagnostics: [], durationMs: durationMs() };
  const compiled = await compileTypeScript(files);
  if (!compiled.ok) {
    const message = `The answer does not compile: ${compiled.diagnostics.length} syntax error(s), first at ${compiled.diagnostics[0].file}:${compiled.diagnostics[0].line}.`;
    return { status: 'failed', stage: 'compile', message, diagnostics: compiled.diagnostics, durationMs: durationMs() };
  }
  const containment: Containment = {
    network: network === 'auto' && networkNamespaceAvailable() ? 'namespace' : 'module',
    filesystem: 'permission-model',
  };
  return withScratchDir(async (scratch) => {
    const src = path.join(scratch, 'src');
    writeFiles(src, compiled.files);
    if (plan.kind === 'generated') writeFiles(src, [{ path: plan.path, text: plan.text }]);
    writeFileSync(path.join(scratch, 'runner.cjs'), RUNNER_SOURCE);
    const nodeModules = appNodeModules();
    const outdir = path.join(scratch, 'cdk.out');
    const run = await runContained({
      command: process.execPath,
      args: [
        permissionFlag(),
        `--allow-fs-read=${nodeModules}`,
        `--allow-fs-read=${scratch}`,
        `--allow-fs-write=${scratch}`,
        `--max-old-space-size=${limits.memoryMb}`,
        '--enable-source-maps',
        '--disable-warning=ExperimentalWarning',
        path.join(scratch, 'runner.cjs'),
        path.join(src, plan.path.replace(/\.(ts|tsx|mts|cts)$/, '.js')),
        containment.network,
      ],
      cwd: scratch,
      // CDK_VALIDATION=false: the review runs @aws/cloudformation-validate on the template itself; in the worker it costs seconds and heap.
      env: { NODE_PATH: nodeModules, CDK_OUTDIR: outdir, CDK_VALIDATION: 'false', HOME: scratch, TMPDIR: scratch, ...contextEnv(files) },
      timeoutMs: limits.timeoutMs,
      rssLimitMb: limits.memoryMb + limits.rssSlackMb,
      fileBytes: limits.fileMb * 1024 * 1024,
      outputBytes: limits.outputBytes,
      networkNamespace: containment.network === 'namespace',
    });
    return interpretRun(run, { scratch, src, outdir, limits, containment, durationMs: durationMs() });
  });
}
