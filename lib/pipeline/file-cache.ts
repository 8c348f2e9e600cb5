import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors';

const parsed = new Map<string, { stamp: string; value: unknown }>();
const MAX_ENTRIES = 1000;

/** How a file is named to users: relative to the working directory when inside it, else as given. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return path.isAbsolute(file) && !relative.startsWith('..') ? relative : file;
}

/** A file's text; a missing or unreadable file is `not_found:file` naming it. */
export async function readText(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((error) => {
    throw new AppError('not_found:file', `${displayPath(file)}: cannot read file (${error.code ?? 'error'})`, { cause: error });
  });
}

/**
 * `parse(text of file)`, computed again only when the file's modification time or size changes,
 * so a repeated review does not re-read and re-parse unchanged artifacts. Parse errors are not cached.
 */
export async function parseFileCached<T>(file: string, kind: string, parse: (text: string) => T): Promise<T> {
  const info = await stat(file).catch((error) => {
    throw new AppError('not_found:file', `${displayPath(file)}: cannot read file (${error.code ?? 'error'})`, { cause: error });
  });
  const key = `${kind}\0${path.resolve(file)}`;
  const stamp = `${info.mtimeMs}:${info.size}`;
  const hit = parsed.get(key);
  if (hit?.stamp === stamp) return hit.value as T;
  const value = parse(await readText(file));
  if (parsed.size >= MAX_ENTRIES) parsed.delete(parsed.keys().next().value as string);
  parsed.set(key, { stamp, value });
  return value;
}
