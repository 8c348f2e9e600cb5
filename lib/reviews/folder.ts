import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES, MAX_TASK_FILES, type ReviewFile } from './input';

/** The files at a task folder's top level that a review keeps. */
export const TASK_FILES = ['PROMPT.md', 'MODEL_RESPONSE.md', 'IDEAL_RESPONSE.md', 'MODEL_FAILURES.md', 'metadata.json'] as const;
const CODE_DIRS = ['lib', 'bin'];
const CODE_EXT = /\.(ts|py|ya?ml|json)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'cdk.out', '__pycache__', '.git', 'test', 'tests']);

/** Whether a folder looks like a task: it has a MODEL_RESPONSE.md, PROMPT.md or metadata.json at its top. */
export async function isTaskFolder(dir: string): Promise<boolean> {
  const names = new Set(await readdir(dir).catch(() => [] as string[]));
  return ['MODEL_RESPONSE.md', 'PROMPT.md', 'metadata.json'].some((n) => names.has(n));
}

/** The task folders an argument names: itself when it is one, else its non-hidden subfolders (sorted), each to be tried. */
export async function expandTaskFolders(arg: string): Promise<string[]> {
  if (await isTaskFolder(arg)) return [arg];
  const entries = await readdir(arg, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => path.join(arg, e.name))
    .sort();
}

/** The review files of a task folder: the top-level task files and the code under lib/ and bin/; oversized files are skipped and named. */
export async function readTaskFolder(dir: string): Promise<{ files: ReviewFile[]; skipped: string[] }> {
  const files: ReviewFile[] = [];
  const skipped: string[] = [];
  const add = async (relative: string) => {
    const full = path.join(dir, relative);
    const info = await stat(full).catch(() => undefined);
    if (!info?.isFile()) return;
    if (info.size > MAX_FILE_BYTES || files.length >= MAX_TASK_FILES) return void skipped.push(relative);
    files.push({ path: relative.split(path.sep).join('/'), text: await readFile(full, 'utf8') });
  };
  for (const name of TASK_FILES) await add(name);
  for (const codeDir of CODE_DIRS) {
    for (const relative of await walk(dir, codeDir)) await add(relative);
  }
  return { files, skipped };
}

/** Relative paths of code files under `dir/sub`, skipping build output, dependencies and tests. */
async function walk(dir: string, sub: string): Promise<string[]> {
  const entries = await readdir(path.join(dir, sub), { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = path.join(sub, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) found.push(...(await walk(dir, relative)));
    else if (entry.isFile() && CODE_EXT.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(relative);
  }
  return found;
}
