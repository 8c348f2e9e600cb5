import { readCdkJson } from './cdk-json';
import type { AnswerFile } from './types';

/** How an answer is started: an entry file of its own, or a generated one that instantiates its Stack class. */
export type EntryPlan =
  | { kind: 'file'; path: string }
  | { kind: 'generated'; path: string; text: string; stackClass: string; module: string }
  | { kind: 'missing'; message: string };

/** Path of the entry infra-review writes when the answer has none. */
export const GENERATED_ENTRY = '__infra_review_app__.js';

const CODE_FILE = /\.(ts|tsx|mts|cts|js)$/;
const CREATES_APP = /new\s+(?:[\w$]+\.)?App\s*\(/;
const STACK_CLASS = /export\s+(?:default\s+)?class\s+([\w$]+)\s+extends\s+(?:[\w$]+\.)?Stack\b/g;

/**
 * Chooses the entry of a TypeScript answer: the given one, else the file `cdk.json`'s app command runs, else a file creating an `App` (files under `bin/` first),
 * else a generated entry that puts the exported Stack class no other file instantiates into a new App.
 * Paths are the answer's own (`.ts`); the generated entry requires the compiled module.
 */
export function planTypeScriptEntry(files: readonly AnswerFile[], entry?: string): EntryPlan {
  if (entry !== undefined) {
    return files.some((f) => f.path === entry)
      ? { kind: 'file', path: entry }
      : { kind: 'missing', message: `The entry ${entry} is not one of the answer's files.` };
  }
  const appFile = readCdkJson(files).appFile;
  if (appFile && CODE_FILE.test(appFile)) return { kind: 'file', path: appFile };
  const code = files.filter((f) => CODE_FILE.test(f.path) && !f.path.endsWith('.d.ts') && !/\.test\.|\.spec\./.test(f.path));
  const apps = code.filter((f) => CREATES_APP.test(f.text)).sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
  if (apps.length) return { kind: 'file', path: apps[0].path };
  const classes = code.flatMap((f) => [...f.text.matchAll(STACK_CLASS)].map((m) => ({ name: m[1], file: f })));
  const roots = classes.filter(
    (c) => !code.some((f) => f !== c.file && new RegExp(`new\\s+${c.name.replace(/\$/g, '\\$')}\\s*\\(`).test(f.text)),
  );
  const chosen = roots.find((c) => c.name === 'TapStack') ?? roots[0] ?? classes[0];
  if (!chosen) {
    return { kind: 'missing', message: 'The answer has no CDK app entry: no file creates an App and no module exports a Stack class.' };
  }
  const module = './' + chosen.file.path.replace(CODE_FILE, '');
  const text = [
    "'use strict';",
    "const { App } = require('aws-cdk-lib');",
    `const answer = require(${JSON.stringify(module)});`,
    'const app = new App();',
    `new answer[${JSON.stringify(chosen.name)}](app, ${JSON.stringify(chosen.name)}, {});`,
    'app.synth();',
    '',
  ].join('\n');
  return { kind: 'generated', path: GENERATED_ENTRY, text, stackClass: chosen.name, module };
}

/** Chooses the entry of a Python answer: the given one, else the `.py` file cdk.json's app command runs, else `app.py`, else a file that creates an `App(`. */
export function planPythonEntry(files: readonly AnswerFile[], entry?: string): EntryPlan {
  const appFile = readCdkJson(files).appFile;
  const wanted =
    entry ??
    (appFile?.endsWith('.py') ? appFile : undefined) ??
    (files.some((f) => f.path === 'app.py') ? 'app.py' : files.find((f) => f.path.endsWith('.py') && /\bApp\s*\(/.test(f.text))?.path);
  if (wanted && files.some((f) => f.path === wanted)) return { kind: 'file', path: wanted };
  return {
    kind: 'missing',
    message: wanted
      ? `The entry ${wanted} is not one of the answer's files.`
      : 'The answer has no Python CDK app entry (app.py or a file creating an App).',
  };
}

function rank(file: string): number {
  return file.startsWith('bin/') ? 0 : 1;
}
