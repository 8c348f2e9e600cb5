/* File names for the code blocks an answer leaves unnamed, read from what the code is and how the other blocks use it. */
import path from 'node:path';
import { cdkJsonAppFile, EXTENSION, factsOf, type BlockFacts as Facts, type CodeLanguage, type Naming } from './code-facts';
import { clean, nameHandlers } from './handler-names';
import type { CodeBlock } from './types';

/**
 * The blocks with a name for every block whose content says what file it is (`nameFrom: 'content'`, with `nameWhy`):
 * a configuration file by its keys; a module by the path its importers use; a Stack class or an App entry by the
 * name a stated block of the same class or role has, else by `cdk init` conventions; a Lambda handler by the
 * `Code.fromAsset`/`handler:` that points at it. Stated names are kept; blocks it cannot place stay unnamed.
 */
export function inferNames(blocks: readonly CodeBlock[]): CodeBlock[] {
  const state: Naming = {
    blocks: [...blocks],
    facts: blocks.map(factsOf),
    names: blocks.map((b) => b.name),
    why: blocks.map(() => ''),
  };
  nameEach(
    state,
    (f) => f.config,
    (f) => `a ${f.config} by its keys`,
  );
  const cdkJsons = state.names.flatMap((n, i) => (n === 'cdk.json' && state.facts[i].language === 'json' ? [i] : []));
  const cdkJson = cdkJsons.filter((i) => blocks[i].section !== 'reasoning').pop() ?? cdkJsons.pop() ?? -1;
  const appFile = cdkJson >= 0 ? cdkJsonAppFile(blocks[cdkJson].text) : undefined;
  nameEach(state, (f, i) => (f.app ? appName(state, i, appFile) : undefined));
  byImporters(state);
  // One Stack at a time, the ones nothing imports first, so that its imports name the others.
  const stacks = state.facts.map((f, i) => i).filter((i) => state.facts[i].stacks.length > 0);
  stacks.sort((a, b) => Number(isImported(state, a)) - Number(isImported(state, b)));
  for (const i of stacks) {
    if (state.names[i]) continue;
    const f = state.facts[i];
    const stated = twin(state, i, (o) => o.stacks.includes(f.stacks[0]));
    state.names[i] = stated ?? stackConvention(f);
    state.why[i] = `defines ${f.stacks[0]}, a Stack${stated ? ', as does the block the answer names so' : "; cdk init's file name"}`;
    byImporters(state);
  }
  nameHandlers(state);
  return state.blocks.map((b, i) =>
    b.name || !state.names[i] ? b : { ...b, name: state.names[i], nameFrom: 'content' as const, nameWhy: state.why[i] },
  );
}

/** Names each unnamed block for which `name` gives a name and a reason. */
function nameEach(state: Naming, name: (f: Facts, i: number) => string | [string, string] | undefined, why?: (f: Facts) => string): void {
  state.facts.forEach((f, i) => {
    const found = state.names[i] ? undefined : name(f, i);
    if (typeof found === 'string') [state.names[i], state.why[i]] = [found, why?.(f) ?? ''];
    else if (found) [state.names[i], state.why[i]] = found;
  });
}

/** An App entry's name: the file cdk.json runs, else the name of a stated App block, else cdk init's. */
function appName(state: Naming, i: number, appFile: string | undefined): [string, string] | undefined {
  if (appFile) return [appFile, "creates the App, the file cdk.json's app command runs"];
  const stated = twin(state, i, (o) => o.app);
  if (stated) return [stated, 'creates the App, as does the block the answer names so'];
  const convention = appConvention(state.facts[i]);
  return convention ? [convention, "creates the App; cdk init's file name"] : undefined;
}

/** Whether another block imports one of block `i`'s names. */
function isImported(state: Naming, i: number): boolean {
  const own = state.facts[i].defines;
  return state.facts.some((f, j) => j !== i && f.imports.some((imp) => imp.names.some((n) => own.includes(n))));
}

/** The name of a stated block (answer first, then drafts) that plays the same part (`same`), in the same language. */
function twin(state: Naming, i: number, same: (f: Facts) => boolean): string | undefined {
  const stated = state.blocks
    .map((b, j) => ({ b, j }))
    .filter(({ b, j }) => b.name && j !== i && state.facts[j].language === state.facts[i].language);
  const match = [...stated.filter(({ b }) => b.section !== 'reasoning'), ...stated].find(({ j }) => same(state.facts[j]));
  return match?.b.name;
}

/** `bin/<app>.ts` named after the Stack it creates (cdk init's `bin/tap.ts` for `TapStack`), or `app.py`. */
function appConvention(f: Facts): string | undefined {
  if (f.language === 'py') return 'app.py';
  const created = f.imports.flatMap((imp) => imp.names).find((n) => /Stack$/.test(n));
  const base = created ? kebab(created).replace(/-?stack$/, '') : '';
  return `bin/${base || 'app'}${EXTENSION[f.language] ?? '.ts'}`;
}

/** `lib/<name>-stack.ts`, or `<name>_stack.py`, for the block's first Stack class. */
function stackConvention(f: Facts): string {
  const base = f.language === 'py' ? kebab(f.stacks[0]).replace(/-/g, '_') : kebab(f.stacks[0]);
  const file = f.language === 'py' ? base.replace(/_?stack$/, '') + '_stack' : base.replace(/-?stack$/, '') + '-stack';
  return f.language === 'py' ? `${file}.py` : `lib/${file}${EXTENSION[f.language] ?? '.ts'}`;
}

/** Names unnamed blocks by the module path their importers use, until no more can be named. */
function byImporters(state: Naming): void {
  for (let changed = true; changed;) {
    changed = false;
    state.facts.forEach((f, i) => {
      if (state.names[i] || !EXTENSION[f.language]) return;
      const found = importedAs(state, i);
      if (found) {
        [state.names[i], state.why[i]] = [found.name, found.why];
        changed = true;
      }
    });
  }
}

/** The path another block imports block `i` by, answer blocks first. */
function importedAs(state: Naming, i: number): { name: string; why: string } | undefined {
  const own = state.facts[i];
  const order = state.blocks.map((_, j) => j).sort((a, b) => rank(state, a) - rank(state, b));
  for (const j of order) {
    if (j === i) continue;
    for (const imp of state.facts[j].imports) {
      if (!imp.names.some((n) => own.defines.includes(n)) && !own.defines.some((d) => sameWord(d, imp.module))) continue;
      const name = resolveImport(imp.module, state.names[j], own.language);
      if (name) return { name, why: `imported as ${imp.module} by ${state.names[j] ?? `the block at line ${state.blocks[j].startLine}`}` };
    }
  }
  return undefined;
}

/** Importers to trust first: named answer blocks, then unnamed ones, then drafts. */
function rank(state: Naming, j: number): number {
  return (state.blocks[j].section === 'reasoning' ? 2 : 0) + (state.names[j] ? 0 : 1);
}

/** Whether a module path's last part is a defined name in another case (`./networking-stack` for NetworkingStack). */
function sameWord(defined: string, module: string): boolean {
  const last = module.split(/[/.]/).pop() ?? '';
  return last.length > 2 && last.replace(/[-_]/g, '').toLowerCase() === defined.toLowerCase();
}

/** The file a module path names, seen from `importer` (unknown importers of `../x/y` are taken to sit one folder deep). */
function resolveImport(module: string, importer: string | undefined, language: CodeLanguage): string | undefined {
  if (language === 'py') {
    const dots = /^\.*/.exec(module)![0].length;
    const file = module.slice(dots).replace(/\./g, '/') + '.py';
    if (dots === 0) return file;
    if (!importer) return undefined;
    return clean(path.posix.join(path.posix.dirname(importer), '../'.repeat(dots - 1), file));
  }
  const from = importer ? path.posix.dirname(importer) : module.startsWith('../') ? 'src' : undefined;
  if (from === undefined) return undefined;
  return clean(path.posix.join(from, module).replace(/\.[cm]?[jt]s$/, '') + (EXTENSION[language] ?? '.ts'));
}

/** `SecureWebAppStack` → `secure-web-app-stack`, `VPCStack` → `vpc-stack`. */
function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}
