import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCE_EXTENSIONS = new Set(['.ts', '.py', '.json', '.js']);
const SKIPPED_DIRS = new Set(['node_modules', 'cdk.out', 'model', '.git']);

/** Source files of a CDK app directory that affect its synthesis (tests, cdk.out and the model folder excluded), sorted. */
export function listSourceFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full);
      } else if (SOURCE_EXTENSIONS.has(path.extname(entry.name)) && !/\.test\.ts$/.test(entry.name)) {
        files.push(full);
      }
    }
  };
  walk(dir);
  return files.sort();
}

/** sha256 over the paths and contents of a CDK app's sources: equal hashes mean equal synthesis inputs. */
export function hashSources(dir: string, extra = ''): string {
  const hash = createHash('sha256').update(extra);
  for (const file of listSourceFiles(dir)) {
    hash.update(path.relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Newest modification time (ms) among a CDK app's sources: a cheap check before hashing again. */
export function newestSourceMtime(dir: string): number {
  return Math.max(0, ...listSourceFiles(dir).map((f) => statSync(f).mtimeMs));
}
