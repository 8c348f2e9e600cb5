import path from 'node:path';
import { planPythonEntry } from './entry';
import { interpretRun } from './interpret';
import { networkNamespaceAvailable, runContained } from './sandbox';
import type { AnswerFile, Containment, IsolatedSynthResult, SynthLimits } from './types';
import { withScratchDir, writeFiles } from './workspace';

/** The configured Python CDK toolchain (`INFRA_REVIEW_PYTHON`: a python with aws-cdk-lib installed), if any. */
export function pythonToolchain(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.INFRA_REVIEW_PYTHON?.trim() || undefined;
}

/**
 * Synthesizes a Python CDK answer with `python <entry>` in a contained process: empty environment (PATH names only
 * the toolchain's and Node's directories, as jsii needs Node), a scratch directory, the time and memory limits and
 * no network. Python has no permission model: the file system is not restricted beyond what the process's user may do.
 */
export async function synthesizePython(
  python: string,
  files: readonly AnswerFile[],
  entry: string | undefined,
  limits: Required<SynthLimits>,
): Promise<IsolatedSynthResult> {
  const started = Date.now();
  const plan = planPythonEntry(files, entry);
  if (plan.kind !== 'file') {
    return { status: 'failed', stage: 'compile', message: plan.kind === 'missing' ? plan.message : 'No entry.', diagnostics: [], durationMs: Date.now() - started };
  }
  if (!networkNamespaceAvailable()) {
    return { status: 'failed', stage: 'sandbox', message: 'Python answers are only run inside a network namespace (root and util-linux unshare), which is not available here.', diagnostics: [], durationMs: Date.now() - started };
  }
  const containment: Containment = { network: 'namespace', filesystem: 'none' };
  return withScratchDir(async (scratch) => {
    const src = path.join(scratch, 'src');
    writeFiles(src, files);
    const outdir = path.join(scratch, 'cdk.out');
    const run = await runContained({
      command: python,
      args: ['-B', path.join(src, plan.path)],
      cwd: src,
      env: {
        PATH: [path.dirname(python), path.dirname(process.execPath)].join(':'),
        CDK_OUTDIR: outdir,
        HOME: scratch,
        TMPDIR: scratch,
        PYTHONDONTWRITEBYTECODE: '1',
        NODE_OPTIONS: `--max-old-space-size=${limits.memoryMb}`,
      },
      timeoutMs: limits.timeoutMs,
      rssLimitMb: limits.memoryMb + limits.rssSlackMb,
      outputBytes: limits.outputBytes,
      networkNamespace: true,
    });
    return interpretRun(run, { scratch, src, outdir, limits, containment, durationMs: Date.now() - started });
  });
}
