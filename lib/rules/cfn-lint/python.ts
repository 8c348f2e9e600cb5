import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where scripts/ensure-cfn-lint.sh installs cfn-lint, relative to the project root. */
export const CFN_LINT_VENV = '.cache/cfn-lint-venv';

/**
 * The python that runs cfn-lint: `INFRA_REVIEW_CFN_LINT` (a python executable, or a virtualenv directory) when set,
 * else the virtualenv that `npm run up` and `npm test` install (CFN_LINT_VENV under INFRA_REVIEW_ROOT or the working
 * directory); undefined when neither exists.
 */
export function cfnLintPython(env: Record<string, string | undefined> = process.env): string | undefined {
  const configured = env.INFRA_REVIEW_CFN_LINT?.trim();
  if (configured) {
    const isDir = existsSync(/* turbopackIgnore: true */ configured) && statSync(/* turbopackIgnore: true */ configured).isDirectory();
    return isDir ? path.join(/* turbopackIgnore: true */ configured, 'bin', 'python') : configured;
  }
  // Runtime paths, not build inputs: traced, they would pull the virtualenv into Next's build.
  const root = path.resolve(/* turbopackIgnore: true */ env.INFRA_REVIEW_ROOT ?? process.cwd());
  const installed = path.join(/* turbopackIgnore: true */ root, CFN_LINT_VENV, 'bin', 'python');
  return existsSync(/* turbopackIgnore: true */ installed) ? installed : undefined;
}

/** The worker script that lints templates (worker.py beside this file, read from the project root at run time). */
export function workerScript(): string {
  const root = path.resolve(/* turbopackIgnore: true */ process.env.INFRA_REVIEW_ROOT ?? process.cwd());
  return path.join(/* turbopackIgnore: true */ root, 'lib/rules/cfn-lint/worker.py');
}
