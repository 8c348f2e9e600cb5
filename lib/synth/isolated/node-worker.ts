import { createRequire } from 'node:module';
import path from 'node:path';
import { runContained, type ContainedRun } from './sandbox';
import type { Containment, SynthLimits } from './types';

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

/** One Node worker run: a script in the scratch directory with its arguments and extra environment. */
export interface NodeWorkerRun {
  scratch: string;
  nodeModules: string;
  script: string;
  args: string[];
  env?: Record<string, string>;
  /** Working directory (default: the scratch directory); must be inside it. */
  cwd?: string;
  limits: Required<SynthLimits>;
  containment: Containment;
}

/**
 * Runs a script with Node under the permission model (reads: the scratch directory and node_modules; writes: the
 * scratch directory; no child processes or workers), cwd (`run.cwd`, else the scratch directory), HOME and TMPDIR in the scratch directory, only NODE_PATH
 * and `env` in its environment, the call's limits, and the network cut as `containment` says.
 */
export function runNodeWorker(run: NodeWorkerRun): Promise<ContainedRun> {
  const { scratch, nodeModules, limits } = run;
  return runContained({
    command: process.execPath,
    args: [
      permissionFlag(),
      `--allow-fs-read=${nodeModules}`,
      `--allow-fs-read=${scratch}`,
      `--allow-fs-write=${scratch}`,
      `--max-old-space-size=${limits.memoryMb}`,
      '--enable-source-maps',
      '--disable-warning=ExperimentalWarning',
      run.script,
      ...run.args,
    ],
    cwd: run.cwd ?? scratch,
    env: { NODE_PATH: nodeModules, HOME: scratch, TMPDIR: scratch, ...run.env },
    timeoutMs: limits.timeoutMs,
    rssLimitMb: limits.memoryMb + limits.rssSlackMb,
    fileBytes: limits.fileMb * 1024 * 1024,
    outputBytes: limits.outputBytes,
    networkNamespace: run.containment.network === 'namespace',
  });
}
