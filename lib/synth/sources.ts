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

const hashes = new Map<string, { stamp: string; hash: string }>();

/** sha256 over the paths and contents of a CDK app's sources: equal hashes mean equal synthesis inputs. Files are re-read only when a stat changes. */
export function hashSources(dir: string, extra = ''): string {
  const files = listSourceFiles(dir);
  const stamp = files
    .map((f) => {
      const s = statSync(f);
      return `${f}:${s.mtimeMs}:${s.size}`;
    })
    .join('\n');
  const key = `${dir}\0${extra}`;
  const hit = hashes.get(key);
  if (hit?.stamp === stamp) return hit.hash;
  const hash = createHash('sha256').update(extra);
  for (const file of files) {
    hash.update(path.relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  const digest = hash.digest('hex');
  hashes.set(key, { stamp, hash: digest });
  return digest;
}
