import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileTypeScript, isTestFile } from './compile';
import { contextEnv } from './cdk-json';
import { planTypeScriptEntry } from './entry';
import { interpretRun } from './interpret';
import { RUNNER_SOURCE } from './runner-source';
import { typeCheck } from './typecheck';
import { appNodeModules, runNodeWorker } from './node-worker';
import { networkNamespaceAvailable } from './sandbox';
import type { AnswerFile, Containment, IsolatedSynthResult, SynthLimits } from './types';
import { ancestorStats, withScratchDir, writeFiles } from './workspace';

const LOCK_FILES = ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock'];
// What `npm install` leaves in a new `cdk init` app: NodejsFunction looks for a lock file to find the project root.
const EMPTY_LOCK = '{ "name": "app", "lockfileVersion": 3, "requires": true, "packages": {} }\n';

/**
 * Compiles a TypeScript CDK answer and synthesizes it in a contained Node process (see synthesizeIsolated), as
 * `cdk synth` would in a `cdk init` app holding the answer's files: test files left out, the answer's root as the
 * working directory (`Code.fromAsset('lib/lambda')`), its `.ts` sources beside the compiled `.js` (NodejsFunction
 * entries), a lock file at the root, and bundling skipped. The scratch directory holds `runner.cjs`, the answer
 * under `src/` and the assembly under `cdk.out/`.
 */
export async function synthesizeTypeScript(
  files: readonly AnswerFile[],
  entry: string | undefined,
  limits: Required<SynthLimits>,
  network: 'auto' | 'module',
  typeCheckFirst = false,
): Promise<IsolatedSynthResult> {
  const started = Date.now();
  const durationMs = () => Date.now() - started;
  const answer = files.filter((f) => !isTestFile(f.path) || f.path === entry);
  const plan = planTypeScriptEntry(answer, entry);
  if (plan.kind === 'missing')
    return { status: 'failed', stage: 'compile', message: plan.message, diagnostics: [], durationMs: durationMs() };
  const compiled = await compileTypeScript(answer);
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
    writeFiles(src, answer);
    writeFiles(src, compiled.files);
    if (!answer.some((f) => LOCK_FILES.includes(f.path))) writeFileSync(path.join(src, 'package-lock.json'), EMPTY_LOCK);
    if (plan.kind === 'generated') writeFiles(src, [{ path: plan.path, text: plan.text }]);
    writeFileSync(path.join(scratch, 'runner.cjs'), RUNNER_SOURCE);
    const nodeModules = appNodeModules();
    if (typeCheckFirst) {
      const failure = await typeCheck(scratch, nodeModules, answer, limits, containment, started);
      if (failure) return failure;
    }
    const outdir = path.join(scratch, 'cdk.out');
    const run = await runNodeWorker({
      scratch,
      nodeModules,
      cwd: src,
      script: path.join(scratch, 'runner.cjs'),
      args: [path.join(src, plan.path.replace(/\.(ts|tsx|mts|cts)$/, '.js')), containment.network, JSON.stringify(ancestorStats(scratch))],
      // CDK_VALIDATION=false: the review runs @aws/cloudformation-validate on the template itself; in the worker it costs seconds and heap.
      env: { CDK_OUTDIR: outdir, CDK_VALIDATION: 'false', ...contextEnv(answer) },
      limits,
      containment,
    });
    return interpretRun(run, { scratch, src, outdir, nodeModules, answer, limits, containment, durationMs: durationMs() });
  });
}
