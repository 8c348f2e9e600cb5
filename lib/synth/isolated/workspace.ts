import { mkdirSync, mkdtempSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AnswerFile } from './types';

/** Runs `work` with a fresh scratch directory (its real path) that is removed afterwards, whatever happens. */
export async function withScratchDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'infra-review-synth-')));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

const STAT_FIELDS = [
  'dev',
  'ino',
  'mode',
  'nlink',
  'uid',
  'gid',
  'rdev',
  'size',
  'blksize',
  'blocks',
  'atimeMs',
  'mtimeMs',
  'ctimeMs',
  'birthtimeMs',
] as const;

/**
 * The stat of every directory above `dir` up to `/`, by path: the worker answers a denied stat of exactly these
 * (fs-extra checks every parent of a copy's destination) without being granted reads of them or their contents.
 */
export function ancestorStats(dir: string): Record<string, Record<(typeof STAT_FIELDS)[number], number>> {
  const stats: Record<string, Record<(typeof STAT_FIELDS)[number], number>> = {};
  for (let parent = path.dirname(dir); ; parent = path.dirname(parent)) {
    const s = statSync(parent);
    stats[parent] = Object.fromEntries(STAT_FIELDS.map((key) => [key, s[key]])) as Record<(typeof STAT_FIELDS)[number], number>;
    if (parent === path.dirname(parent)) return stats;
  }
}

/** The first answer path that is absolute or climbs out of the answer's root, if any. */
export function unsafePath(files: readonly AnswerFile[]): string | undefined {
  return files.find((f) => {
    const normalized = path.posix.normalize(f.path.replace(/\\/g, '/'));
    return (
      !f.path ||
      path.isAbsolute(f.path) ||
      normalized === '..' ||
      normalized.startsWith('../') ||
      normalized.startsWith('/') ||
      normalized === '.'
    );
  })?.path;
}

/** Writes files under `dir` (directories created as needed); paths must have passed unsafePath. */
export function writeFiles(dir: string, files: readonly AnswerFile[]): void {
  for (const file of files) {
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
}

/**
 * The file, line and column of the first stack frame inside `root` (paths relative to it), from a Node or Python
 * trace; frames in `skip` (files infra-review wrote, such as a generated entry) are passed over.
 */
export function frameInside(
  trace: string,
  root: string,
  skip: readonly string[] = [],
): { file: string; line: number; column?: number } | undefined {
  const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const node = [...trace.matchAll(new RegExp(`${escaped}/([^\\s():]+):(\\d+)(?::(\\d+))?`, 'g'))].find((m) => !skip.includes(m[1]));
  if (node) return { file: node[1], line: Number(node[2]), ...(node[3] ? { column: Number(node[3]) } : {}) };
  const python = [...trace.matchAll(new RegExp(`File "${escaped}/([^"]+)", line (\\d+)`, 'g'))].at(-1);
  return python ? { file: python[1], line: Number(python[2]) } : undefined;
}
