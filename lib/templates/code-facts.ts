/* What a code block of an answer is, read from its text: its language, the CDK roles it plays, what it defines and imports. */

import type { CodeBlock } from './types';

/** Language family of a code block: what its imports and file names look like. */
export type CodeLanguage = 'ts' | 'js' | 'py' | 'json' | 'text' | 'other';

/** A relative import of a block: the module as written and the names taken from it. */
export interface CodeImport {
  module: string;
  names: string[];
}

/** A Lambda handler the code points at: the asset folder or entry file, and the handler's module and function. */
export interface HandlerRef {
  /** `Code.fromAsset` folder or `NodejsFunction` entry file, as written. */
  asset?: string;
  /** True when `asset` is joined to `__dirname` (relative to the file), false when relative to the app's root. */
  fromFile: boolean;
  module?: string;
  func: string;
}

const INFO_LANGUAGE: Record<string, CodeLanguage> = {
  typescript: 'ts',
  ts: 'ts',
  tsx: 'ts',
  javascript: 'js',
  js: 'js',
  python: 'py',
  py: 'py',
  python3: 'py',
  json: 'json',
  jsonc: 'json',
  text: 'text',
  txt: 'text',
  plaintext: 'text',
  requirements: 'text',
  '': 'text',
};

/** Language of a block from its info string, else its file name, else what its first lines look like. */
export function languageOf(info: string, text: string, name?: string): CodeLanguage {
  const ext = name?.split('.').pop()?.toLowerCase();
  const byName = ext === 'txt' ? 'text' : ext ? INFO_LANGUAGE[ext] : undefined;
  const byInfo = INFO_LANGUAGE[info];
  if (byInfo && byInfo !== 'text') return byInfo;
  if (byName) return byName;
  if (/^\s*(?:from\s+[\w.]+\s+import|import\s+[\w.]+\s*$|def\s+\w+\(|class\s+\w+\s*[(:])/m.test(text)) return 'py';
  if (/^\s*(?:import\s.*from\s+['"]|export\s|const\s+\w+\s*=\s*require\()/m.test(text)) return 'ts';
  if (/^\s*[[{]/.test(text)) return 'json';
  return byInfo ?? 'other';
}

const TS_STACK = /\bclass\s+([\w$]+)(?:<[^>]*>)?\s+extends\s+(?:[\w$]+\.)?([\w$]*Stack)\b/g;
const PY_STACK = /^class\s+(\w+)\s*\(\s*(?:[\w.]+\.)?(\w*Stack)\s*[,)]/gm;

/** Classes of the block that extend `Stack` (or a base class whose name ends in Stack, the answer's own base), not `NestedStack`. */
export function stackClassesOf(text: string, language: CodeLanguage): string[] {
  const pattern = language === 'py' ? PY_STACK : TS_STACK;
  return [...text.matchAll(pattern)].filter((m) => m[2] !== 'NestedStack').map((m) => m[1]);
}

const TEST_CODE = /\b(?:describe|test|it)\s*\(\s*['"`]|aws-cdk-lib\/assertions|aws_cdk\.assertions|^\s*import pytest|^def test_/m;

/** Whether the block creates a CDK App (`new cdk.App()`, `app = cdk.App()`), or defines a subclass of App to create; tests that create one do not count. */
export function createsApp(text: string, language: CodeLanguage): boolean {
  if (TEST_CODE.test(text)) return false;
  return language === 'py'
    ? /^\s*\w+\s*=\s*(?:\w+\.)?App\s*\(|^class\s+\w+\s*\(\s*(?:\w+\.)?App\s*\)/m.test(text)
    : /\bnew\s+(?:[\w$]+\.)?App\s*\(|\bclass\s+[\w$]+\s+extends\s+(?:[\w$]+\.)?App\b/.test(text);
}

/** Top-level names the block defines that another file can import. */
export function definedNamesOf(text: string, language: CodeLanguage): string[] {
  const pattern =
    language === 'py'
      ? /^(?:class|def)\s+(\w+)|^([A-Z_][A-Z0-9_]*)\s*=/gm
      : /\bexport\s+(?:default\s+)?(?:abstract\s+)?(?:class|const|let|function|async\s+function|interface|type|enum)\s+([\w$]+)/g;
  return [...text.matchAll(pattern)].map((m) => m[1] ?? m[2]);
}

/** Relative imports (TypeScript `./x`, `../lib/x`) or Python imports of modules other than the CDK's and the standard library's. */
export function importsOf(text: string, language: CodeLanguage): CodeImport[] {
  if (language === 'py') {
    return [...text.matchAll(/^from\s+([\w.]+)\s+import\s+(\([^)]*\)|[^\n]+)/gm)]
      .filter((m) => !/^(aws_cdk|constructs|typing|os|sys|json|datetime|dataclasses|enum|pathlib|re|abc|__future__)\b/.test(m[1]))
      .map((m) => ({ module: m[1], names: wordsBeforeCommas(m[2].replace(/#[^\n]*/g, '').replace(/[()\\]/g, ' ')) }));
  }
  const imports: CodeImport[] = [];
  for (const m of text.matchAll(/\bimport\s+([^;'"]*?)\s+from\s+['"](\.\.?\/[^'"]+)['"]/g)) {
    const braces = /\{([^}]*)\}/.exec(m[1]);
    imports.push({ module: m[2], names: braces ? wordsBeforeCommas(braces[1]) : [m[1].replace(/^\*\s+as\s+/, '').trim()] });
  }
  for (const m of text.matchAll(/\brequire\(\s*['"](\.\.?\/[^'"]+)['"]\s*\)/g)) imports.push({ module: m[1], names: [] });
  return imports;
}

/** `A, B as C` → `A`, `B`: the first word of each comma-separated item. */
function wordsBeforeCommas(list: string): string[] {
  return list
    .split(',')
    .map((item) => item.trim().split(/\s+/)[0])
    .filter(Boolean);
}

/** Functions the block exports as a Lambda handler would (`exports.handler =`, `export const handler`, `def handler(event, context)`). */
export function handlerFunctionsOf(text: string, language: CodeLanguage): string[] {
  const pattern =
    language === 'py'
      ? /^(?:async\s+)?def\s+(\w+)\s*\(\s*event\b[^)]*,\s*context\b/gm
      : /\b(?:exports|module\.exports)\.(\w+)\s*=|\bexport\s+(?:const|let|async\s+function|function)\s+(main|\w*[hH]andler)\b/g;
  return [...new Set([...text.matchAll(pattern)].map((m) => m[1] ?? m[2]))];
}

const ASSET =
  /\bCode\.(?:fromAsset|from_asset)\(\s*(?:(?:path\.(?:join|resolve)|os\.path\.join)\(\s*(__dirname|os\.path\.dirname\(__file__\))\s*,\s*)?['"]([^'"]+)['"]/g;
const HANDLER = /\bhandler\s*[:=]\s*['"]([\w.\-/]+)\.(\w+)['"]/g;
const ENTRY = /\bentry\s*[:=]\s*(?:(?:path\.(?:join|resolve))\(\s*(__dirname)\s*,\s*)?['"]([^'"]+\.[jt]s)['"]/g;

/** Lambda handlers the block's constructs point at, each `handler: 'module.func'` paired with the nearest `Code.fromAsset` before it; `NodejsFunction` entries too. */
export function handlerRefsOf(text: string): HandlerRef[] {
  const assets = [...text.matchAll(ASSET)].map((m) => ({ at: m.index, asset: m[2], fromFile: !!m[1] }));
  const refs: HandlerRef[] = [...text.matchAll(HANDLER)].map((m) => {
    const before = assets.filter((a) => a.at < m.index).pop() ?? assets.find((a) => a.at > m.index);
    return { module: m[1], func: m[2], fromFile: before?.fromFile ?? false, ...(before ? { asset: before.asset } : {}) };
  });
  for (const m of text.matchAll(ENTRY)) refs.push({ asset: m[2], fromFile: !!m[1], func: 'handler' });
  return refs;
}

/** The configuration file a JSON or text block is, by its keys or lines: `cdk.json`, `package.json`, `tsconfig.json`, `requirements.txt`. */
export function configFileOf(text: string, language: CodeLanguage): string | undefined {
  if (language === 'json') {
    if (/"app"\s*:\s*"[^"]*\.(?:ts|js|py)\b/.test(text)) return 'cdk.json';
    if (/"compilerOptions"\s*:/.test(text)) return 'tsconfig.json';
    if (/"(?:dev)?[dD]ependencies"\s*:/.test(text) && /"(?:name|scripts)"\s*:/.test(text)) return 'package.json';
    return undefined;
  }
  const lines = text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
  const requirement = /^\s*[A-Za-z][\w.\-[\]]*\s*(?:[=<>!~]=?\s*[\w.*]+(?:\s*,\s*[=<>!~]=?\s*[\w.*]+)*)?\s*$/;
  if (language === 'text' && lines.length > 0 && lines.every((l) => requirement.test(l)) && /aws-cdk-lib|constructs/.test(text))
    return 'requirements.txt';
  return undefined;
}

/** The `app` file a cdk.json block runs (`npx ts-node bin/tap.ts` → `bin/tap.ts`). */
export function cdkJsonAppFile(text: string): string | undefined {
  return /"app"\s*:\s*"[^"]*?([\w./-]+\.(?:ts|js|py))\b/.exec(text)?.[1].replace(/^\.\//, '');
}

/** What a block is, read once: language, Stack classes, App creation, definitions, imports, handlers, configuration kind. */
export interface BlockFacts {
  language: CodeLanguage;
  stacks: string[];
  app: boolean;
  defines: string[];
  imports: CodeImport[];
  handlers: string[];
  refs: HandlerRef[];
  config?: string;
}

/** Names being inferred for an answer's blocks: the blocks, their facts, and the name (and why) each has so far. */
export interface Naming {
  blocks: CodeBlock[];
  facts: BlockFacts[];
  /** Names given so far: stated ones and inferred ones, by block index. */
  names: (string | undefined)[];
  why: string[];
}

/** File extension of code in a language that can be a module of the app. */
export const EXTENSION: Partial<Record<CodeLanguage, string>> = { ts: '.ts', js: '.js', py: '.py' };

/** The facts of one block. */
export function factsOf(block: CodeBlock): BlockFacts {
  const language = languageOf(block.info, block.text, block.name);
  return {
    language,
    stacks: stackClassesOf(block.text, language),
    app: createsApp(block.text, language),
    defines: definedNamesOf(block.text, language),
    imports: importsOf(block.text, language),
    handlers: handlerFunctionsOf(block.text, language),
    refs: language === 'json' || language === 'text' ? [] : handlerRefsOf(block.text),
    config: configFileOf(block.text, language),
  };
}
