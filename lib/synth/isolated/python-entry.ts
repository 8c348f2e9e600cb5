import { readCdkJson } from './cdk-json';
import type { EntryPlan } from './entry';
import type { AnswerFile } from './types';

/** Path of the entry infra-review writes at the answer's root when a Python answer has none. */
export const GENERATED_PYTHON_ENTRY = '__infra_review_app__.py';

const CREATES_APP = /\bApp\s*\(/;
const STACK_CLASS = /^class\s+([A-Za-z_]\w*)\s*\(([^)]*)\)\s*:/gm;
// Parameters named so hold the deployment's environment; a generated entry passes them as `-c environmentSuffix=dev` would.
const ENVIRONMENT_PARAM = /^(environment_suffix|env_suffix|environment|environment_name|env_name|stage|stage_name)$/;

/**
 * Chooses the entry of a Python answer: the given one, else the `.py` file cdk.json's app command runs, else `app.py`,
 * else a file that creates an `App(` (`tap.py`, `main.py`), else a generated entry at the root that puts the Stack
 * class no other file instantiates (TapStack first) into a new App, importing its module as the answer lays it out and passing
 * the environment parameters its `__init__` requires (`environment_suffix`: context `environmentSuffix`, else `dev`).
 */
export function planPythonApp(files: readonly AnswerFile[], entry?: string): EntryPlan {
  if (entry !== undefined) {
    return files.some((f) => f.path === entry)
      ? { kind: 'file', path: entry }
      : { kind: 'missing', message: `The entry ${entry} is not one of the answer's files.` };
  }
  const appFile = readCdkJson(files).appFile;
  if (appFile?.endsWith('.py')) return { kind: 'file', path: appFile };
  const python = files.filter((f) => f.path.endsWith('.py') && !isTest(f.path));
  if (python.some((f) => f.path === 'app.py')) return { kind: 'file', path: 'app.py' };
  const app = python
    .filter((f) => CREATES_APP.test(f.text))
    .sort((a, b) => depth(a.path) - depth(b.path) || a.path.localeCompare(b.path))[0];
  if (app) return { kind: 'file', path: app.path };
  const classes = python.flatMap((f) =>
    [...f.text.matchAll(STACK_CLASS)]
      .filter((m) => /(^|[\s.,])Stack\s*(,|$)/.test(m[2]))
      .map((m) => ({ name: m[1], file: f, at: m.index })),
  );
  const roots = classes.filter((c) => !python.some((f) => new RegExp(`(?<!class\\s+)\\b${c.name}\\s*\\(`).test(f.text)));
  const chosen = roots.find((c) => c.name === 'TapStack') ?? roots[0] ?? classes[0];
  if (!chosen) {
    return { kind: 'missing', message: 'The answer has no Python CDK app entry: no app.py, no file creating an App, no Stack class.' };
  }
  const module = chosen.file.path
    .replace(/\.py$/, '')
    .replace(/\/__init__$/, '')
    .split('/')
    .join('.');
  const environment = requiredEnvironmentParams(chosen.file.text.slice(chosen.at))
    .map((name) => `, ${name}=app.node.try_get_context("environmentSuffix") or "dev"`)
    .join('');
  const text = [
    'import importlib',
    'import aws_cdk as cdk',
    '',
    'app = cdk.App()',
    `getattr(importlib.import_module(${JSON.stringify(module)}), ${JSON.stringify(chosen.name)})(app, ${JSON.stringify(chosen.name)}${environment})`,
    'app.synth()',
    '',
  ].join('\n');
  return { kind: 'generated', path: GENERATED_PYTHON_ENTRY, text, stackClass: chosen.name, module };
}

/** Parameters of the class's `__init__` (its text starts at the class) after self, scope and id, without a default, that name the environment. */
function requiredEnvironmentParams(classText: string): string[] {
  const body = classText.split(/\n(?=class\s)/)[0];
  const params = /def\s+__init__\s*\(([^)]*)\)/.exec(body)?.[1].split(',') ?? [];
  return params
    .slice(3)
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith('*') && !p.includes('='))
    .map((p) => p.split(':')[0].trim())
    .filter((name) => ENVIRONMENT_PARAM.test(name));
}

/** Test modules are never the app (pytest files under tests/, test_*.py, *_test.py). */
function isTest(file: string): boolean {
  return /(^|\/)tests?\//.test(file) || /(^|\/)test_[^/]*\.py$|_test\.py$/.test(file);
}

function depth(file: string): number {
  return file.split('/').length;
}
