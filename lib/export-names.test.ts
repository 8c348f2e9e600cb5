import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Two modules exporting the same name make an import say less than it should; each exported name has one home.
const ROOT = path.resolve(import.meta.dirname, '..');
const FOLDERS = ['lib', 'components', 'app'];
// Next.js reads these names from every route, page and layout file: one per file is the convention, not a clash.
const NEXT_FILE = /^(route|page|layout|loading|error|not-found|template|default)\.tsx?$/;
const NEXT_EXPORTS = new Set([
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'default',
  'metadata',
  'generateMetadata',
  'generateStaticParams',
  'dynamic',
  'dynamicParams',
  'revalidate',
  'runtime',
  'fetchCache',
  'preferredRegion',
  'maxDuration',
]);
// Likewise each rule file exports `rule` (lib/rules/<category>/<rule-id>.ts; lib/rules/registry.test.ts holds the layout).
const RULE_FILE = /^lib\/rules\/[a-z]+\/[a-z0-9-]+\.ts$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts)$/.test(name) && !/\.(test|spec)\.|\.d\.ts$/.test(name) ? [full] : [];
  });
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** Names a module declares and exports itself (re-exports name another module's declaration, so they are not counted). */
function declaredExports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
      }
    } else if (
      ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isEnumDeclaration(statement)
    ) {
      const isDefault = (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      names.push(isDefault ? 'default' : (statement.name?.text ?? 'default'));
    }
  }
  if (NEXT_FILE.test(path.basename(file))) return names.filter((name) => !NEXT_EXPORTS.has(name));
  return names;
}

function conventionalName(relative: string, name: string): boolean {
  return name === 'rule' && RULE_FILE.test(relative.split(path.sep).join('/'));
}

/** Each exported name with the modules under `root`'s folders that declare it, for names declared by more than one module. */
function duplicateExports(root: string): Record<string, string[]> {
  const homes = new Map<string, string[]>();
  for (const file of FOLDERS.flatMap((folder) => sourceFiles(path.join(root, folder)))) {
    const relative = path.relative(root, file);
    for (const name of new Set(declaredExports(file))) {
      if (!conventionalName(relative, name)) homes.set(name, [...(homes.get(name) ?? []), relative]);
    }
  }
  return Object.fromEntries([...homes].filter(([, files]) => files.length > 1).sort(([a], [b]) => a.localeCompare(b)));
}

describe('exported names', () => {
  it('finds a name two modules declare, but not a re-export or a route handler', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'export-names-'));
    try {
      for (const dir of ['lib/a', 'components', 'app/x', 'app/y']) mkdirSync(path.join(root, dir), { recursive: true });
      writeFileSync(path.join(root, 'lib/a/one.ts'), 'export interface Thing { a: 1 }\nexport const only = 1;\n');
      writeFileSync(path.join(root, 'components/two.tsx'), 'export function Thing() { return null; }\n');
      writeFileSync(path.join(root, 'lib/a/three.ts'), "export { only } from './one';\nexport type { Thing } from './one';\n");
      for (const dir of ['x', 'y']) writeFileSync(path.join(root, `app/${dir}/route.ts`), 'export async function GET() {}\n');
      expect(duplicateExports(root)).toEqual({ Thing: ['lib/a/one.ts', 'components/two.tsx'] });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('are each declared by one module in lib/, components/ and app/', () => {
    expect(duplicateExports(ROOT)).toEqual({});
  });
});
