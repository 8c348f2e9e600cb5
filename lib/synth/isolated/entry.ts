import { readCdkJson } from './cdk-json';
import type { AnswerFile } from './types';

/** How an answer is started: an entry file of its own, or a generated one that instantiates its Stack class. */
export type EntryPlan =
  | { kind: 'file'; path: string }
  | { kind: 'generated'; path: string; text: string; stackClass: string; module: string; props?: string[] }
  | { kind: 'missing'; message: string };

/** Path of the entry infra-review writes when the answer has none. */
export const GENERATED_ENTRY = '__infra_review_app__.js';

const CODE_FILE = /\.(ts|tsx|mts|cts|js)$/;
const CREATES_APP = /new\s+(?:[\w$]+\.)?App\s*\(/;
const CLASS = /(export\s+(?:default\s+)?)?(abstract\s+)?class\s+([\w$]+)\s*(?:<[^>{]*>)?\s*extends\s+([\w$.]+)/g;
const STACK_ALIAS = /\bStack\s+as\s+([\w$]+)/g;
// Props named so hold the deployment's environment; a generated entry passes them as the documented `-c environmentSuffix=dev` would.
const ENVIRONMENT_PROP = /^(environmentSuffix|envSuffix|environment|environmentName|envName|stage|stageName)$/;

/** A class an answer declares, with the class it extends. */
interface DeclaredClass {
  name: string;
  base: string;
  exported: boolean;
  abstract: boolean;
  file: AnswerFile;
  at: number;
}

/**
 * Chooses the entry of a TypeScript answer: the given one, else the file `cdk.json`'s app command runs, else a file creating an `App` (files under `bin/` first, then in the answer's order),
 * else a generated entry that puts the exported, concrete Stack class no other file instantiates into a new App. A Stack class extends
 * `Stack` (`cdk.Stack`, an alias) directly or through the answer's own classes (an abstract base). The generated entry passes the
 * props its constructor requires that name the environment (`environmentSuffix`: context, else `dev`).
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
  // Stable sort: among several apps (variants of one answer) the first the answer gives is its main one.
  const apps = code.filter((f) => CREATES_APP.test(f.text)).sort((a, b) => rank(a.path) - rank(b.path));
  if (apps.length) return { kind: 'file', path: apps[0].path };
  const classes = stackClasses(code).filter((c) => c.exported && !c.abstract);
  const roots = classes.filter(
    (c) => !code.some((f) => f !== c.file && new RegExp(`new\\s+${c.name.replace(/\$/g, '\\$')}\\s*\\(`).test(f.text)),
  );
  const chosen = roots.find((c) => c.name === 'TapStack') ?? roots[0] ?? classes[0];
  if (!chosen) {
    return { kind: 'missing', message: 'The answer has no CDK app entry: no file creates an App and no module exports a Stack class.' };
  }
  const module = './' + chosen.file.path.replace(CODE_FILE, '');
  const props = requiredEnvironmentProps(chosen, code);
  const text = [
    "'use strict';",
    "const { App } = require('aws-cdk-lib');",
    `const answer = require(${JSON.stringify(module)});`,
    'const app = new App();',
    ...(props.length
      ? ['const props = {};', `for (const name of ${JSON.stringify(props)}) props[name] = app.node.tryGetContext(name) ?? 'dev';`]
      : []),
    `new answer[${JSON.stringify(chosen.name)}](app, ${JSON.stringify(chosen.name)}, ${props.length ? 'props' : '{}'});`,
    'app.synth();',
    '',
  ].join('\n');
  return { kind: 'generated', path: GENERATED_ENTRY, text, stackClass: chosen.name, module, props };
}

/** The classes of `code` that are Stacks: extending `Stack` (by any qualifier or import alias) or, transitively, another such class of the answer. */
function stackClasses(code: readonly AnswerFile[]): DeclaredClass[] {
  const declared = code.flatMap((file) =>
    [...file.text.matchAll(CLASS)].map((m) => ({
      name: m[3],
      base: m[4],
      exported: Boolean(m[1]),
      abstract: Boolean(m[2]),
      file,
      at: m.index,
    })),
  );
  const stacks = new Set<string>();
  const isStackBase = (c: DeclaredClass) => {
    const last = c.base.split('.').at(-1)!;
    const aliases = [...c.file.text.matchAll(STACK_ALIAS)].map((m) => m[1]);
    return last === 'Stack' || aliases.includes(c.base) || stacks.has(last);
  };
  for (let grew = true; grew;) {
    grew = false;
    for (const c of declared) if (!stacks.has(c.name) && isStackBase(c)) grew = Boolean(stacks.add(c.name));
  }
  return declared.filter((c) => stacks.has(c.name));
}

/** Names of the props the class's constructor requires (its props parameter is not optional) that name the environment. */
function requiredEnvironmentProps(cls: DeclaredClass, code: readonly AnswerFile[]): string[] {
  const ctor = /constructor\s*\(([^)]*)\)/.exec(cls.file.text.slice(cls.at));
  const param = ctor?.[1].split(',')[2]?.trim();
  const typed = param ? /^[\w$]+\s*:\s*([\w$]+)\s*$/.exec(param) : null;
  if (!typed) return [];
  const body = typeBody(typed[1], code);
  return [...body.matchAll(/(?:^|[;,{\n])\s*(?:readonly\s+)?([\w$]+)\s*:\s*string\b/g)]
    .map((m) => m[1])
    .filter((name) => ENVIRONMENT_PROP.test(name));
}

/** The `{...}` body of the interface or object type `name` declared in `code`, or '' when there is none. */
function typeBody(name: string, code: readonly AnswerFile[]): string {
  for (const file of code) {
    const head = new RegExp(
      `(?:interface\\s+${name.replace(/\$/g, '\\$')}\\b[^{]*|type\\s+${name.replace(/\$/g, '\\$')}\\s*=[^{;]*)\\{`,
    ).exec(file.text);
    if (!head) continue;
    const start = head.index + head[0].length;
    let depth = 1;
    let end = start;
    for (; end < file.text.length && depth > 0; end += 1) depth += file.text[end] === '{' ? 1 : file.text[end] === '}' ? -1 : 0;
    return file.text.slice(start, end - 1);
  }
  return '';
}

function rank(file: string): number {
  return file.startsWith('bin/') ? 0 : 1;
}
