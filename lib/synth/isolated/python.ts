import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contextEnv } from './cdk-json';
import { interpretRun } from './interpret';
import { planPythonApp } from './python-entry';
import { networkNamespaceAvailable, runContained } from './sandbox';
import type { AnswerFile, Containment, IsolatedSynthResult, SynthLimits } from './types';
import { withScratchDir, writeFiles } from './workspace';

/** Where scripts/ensure-python-cdk.sh installs the Python CDK toolchain, relative to the project root. */
export const PYTHON_CDK_VENV = '.cache/python-cdk-venv';

/**
 * The Python CDK toolchain (a python with aws-cdk-lib installed): `INFRA_REVIEW_PYTHON` when set, else the venv that
 * `npm run up` and `npm test` install (PYTHON_CDK_VENV under INFRA_REVIEW_ROOT or the working directory) when present.
 */
export function pythonToolchain(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.INFRA_REVIEW_PYTHON?.trim();
  if (configured) return configured;
  // A runtime path, not a build input: unannotated, Next's file tracer follows it into the venv's symlinks and panics.
  const root = path.resolve(/* turbopackIgnore: true */ env.INFRA_REVIEW_ROOT ?? process.cwd());
  const installed = path.join(/* turbopackIgnore: true */ root, PYTHON_CDK_VENV, 'bin', 'python');
  return existsSync(/* turbopackIgnore: true */ installed) ? installed : undefined;
}

/**
 * Synthesizes a Python CDK answer with `python <entry>` (through PYTHON_RUNNER_SOURCE; planPythonApp: app.py, cdk.json's app, or a generated entry
 * for the answer's Stack class) in a contained process: the answer's root as working directory and PYTHONPATH (its
 * packages import as on a developer's machine), an otherwise empty environment (PATH names only the toolchain's and
 * Node's directories, as jsii needs Node; the context the TypeScript worker gets), a scratch directory, the time and
 * memory limits and no network. Python has no permission model: as root, the process runs as `nobody` (setpriv), owning only the
 * scratch directory, so it can write there and in world-writable places (/tmp) but not to the app's files;
 * it may start child processes (jsii needs Node), which share its group, limits and namespace.
 */
export async function synthesizePython(
  python: string,
  files: readonly AnswerFile[],
  entry: string | undefined,
  limits: Required<SynthLimits>,
): Promise<IsolatedSynthResult> {
  const started = Date.now();
  const plan = planPythonApp(files, entry);
  if (plan.kind === 'missing') {
    return {
      status: 'failed',
      stage: 'compile',
      message: plan.message,
      diagnostics: [],
      durationMs: Date.now() - started,
    };
  }
  if (!networkNamespaceAvailable()) {
    return {
      status: 'failed',
      stage: 'sandbox',
      message: 'Python answers are only run inside a network namespace (root and util-linux unshare), which is not available here.',
      diagnostics: [],
      durationMs: Date.now() - started,
    };
  }
  const unprivileged = setprivAvailable();
  const containment: Containment = { network: 'namespace', filesystem: unprivileged ? 'unprivileged-user' : 'none' };
  return withScratchDir(async (scratch) => {
    const src = path.join(scratch, 'src');
    writeFiles(src, files);
    if (plan.kind === 'generated') writeFileSync(path.join(src, plan.path), plan.text);
    if (unprivileged) chownTree(scratch, NOBODY);
    const outdir = path.join(scratch, 'cdk.out');
    writeFileSync(path.join(scratch, 'runner.py'), PYTHON_RUNNER_SOURCE);
    const command = [python, '-B', path.join(scratch, 'runner.py'), path.join(src, plan.path)];
    const run = await runContained({
      command: unprivileged ? 'setpriv' : python,
      args: unprivileged ? [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', ...command] : command.slice(1),
      cwd: src,
      env: {
        PATH: [path.dirname(python), path.dirname(process.execPath)].join(':'),
        CDK_OUTDIR: outdir,
        CDK_VALIDATION: 'false',
        ...contextEnv(files),
        HOME: scratch,
        TMPDIR: scratch,
        PYTHONDONTWRITEBYTECODE: '1',
        PYTHONPATH: src,
        // jsii prints a page-wide banner on every run under a Node release it no longer supports (Node 20 here).
        JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: process.versions.node.split('.')[0],
        JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1',
        NODE_OPTIONS: `--max-old-space-size=${limits.memoryMb}`,
      },
      timeoutMs: limits.timeoutMs,
      rssLimitMb: limits.memoryMb + limits.rssSlackMb,
      fileBytes: limits.fileMb * 1024 * 1024,
      outputBytes: limits.outputBytes,
      networkNamespace: true,
    });
    return interpretRun(run, { scratch, src, outdir, limits, containment, durationMs: Date.now() - started });
  });
}

/**
 * Runs the entry as `python <entry>` would (its directory first on sys.path, `__main__`); when the answer raises at run
 * time after creating an App (not a syntax or import error), every App is synthesized with what it holds so far and
 * `{"status":"partial"}` is written to fd 3; the exception then goes on as before (same traceback, same exit code).
 */
const PYTHON_RUNNER_SOURCE = String.raw`import gc, os, runpy, sys
entry = sys.argv[1]
sys.argv = sys.argv[1:]
sys.path[0] = os.path.dirname(entry)
try:
    runpy.run_path(entry, run_name="__main__")
except BaseException as error:
    cdk = sys.modules.get("aws_cdk")
    if cdk is not None and not isinstance(error, (SyntaxError, ImportError, SystemExit, KeyboardInterrupt)):
        try:
            apps = [o for o in gc.get_objects() if isinstance(o, cdk.App)]
            for app in apps:
                app.synth(force=True)
            if apps:
                os.write(3, b'{"status":"partial"}\n')
        except BaseException:
            pass
    raise
`;

const NOBODY = 65534;
let setprivCheck: boolean | undefined;

/** True when this process is root and util-linux `setpriv` can drop to `nobody`; checked once. */
function setprivAvailable(): boolean {
  setprivCheck ??=
    process.getuid?.() === 0 &&
    spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', 'true'], { stdio: 'ignore', timeout: 5000 })
      .status === 0;
  return setprivCheck;
}

/** Gives a directory tree (which infra-review just created) to `uid`. */
function chownTree(dir: string, uid: number): void {
  chownSync(dir, uid, uid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, uid);
    else chownSync(full, uid, uid);
  }
}
