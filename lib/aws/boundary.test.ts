import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['app', 'components', 'lib', 'infra', 'bench', 'e2e', 'scripts'];
const SKIPPED = new Set(['node_modules', '.next', 'cdk.out']);
// A value import of an SDK client; `import type` is allowed anywhere because it makes no network calls.
const VALUE_IMPORT = /^\s*import\s+(?!type\b)[^;]*?from\s+['"]@aws-sdk\/client-[^'"]+['"]/m;

/** Every TypeScript file under `dir`, relative to the repository root. */
function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sourceFiles(relative);
    return /\.(ts|tsx|mts)$/.test(entry.name) ? [relative] : [];
  });
}

describe('the AWS boundary', () => {
  it('lets only lib/aws import SDK clients', () => {
    const offenders = SCANNED.flatMap(sourceFiles)
      .filter((file) => !file.startsWith(`lib${path.sep}aws${path.sep}`))
      .filter((file) => VALUE_IMPORT.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
