import path from 'node:path';
import { displayPath, readText } from '../pipeline/file-cache';
import type { ArtifactSpec } from '../pipeline/types';
import { getReviewDefinition } from '../reviews/registry';
import { AppError } from '../errors';

/** The sides of a review whose files can be shown. */
export const SOURCE_SIDES = ['model', 'reference'] as const;
/** A side of a review. */
export type SourceSide = (typeof SOURCE_SIDES)[number];

/** A file a review holds, as the source view shows it: its path (the `file=` of the URL), kind and text. */
export interface ReviewSourceFile {
  path: string;
  kind: 'template' | 'markdown' | 'source';
  text: string;
}

/**
 * Every file one side of a review holds: its template file, markdown answer and source files (read from disk for the
 * bundled review, stored as text for the others). A synthesized CDK template has no file of its own: its sources stand.
 */
export async function listReviewSourceFiles({ reviewId, side }: { reviewId: string; side: SourceSide }): Promise<ReviewSourceFile[]> {
  const definition = await getReviewDefinition({ id: reviewId });
  return filesOfSpec(definition[side]);
}

/** The files of an artifact spec, in the spec's order, each once. */
export async function filesOfSpec(spec: ArtifactSpec): Promise<ReviewSourceFile[]> {
  const files: ReviewSourceFile[] = (spec.inline ?? []).map((f) => ({
    path: f.name,
    kind: f.role ?? kindOf(f.name),
    text: f.text,
  }));
  const onDisk = [spec.file, spec.markdown, ...(spec.sources ?? [])].filter((f): f is string => Boolean(f));
  for (const file of onDisk)
    files.push({ path: displayPath(file).split(path.sep).join('/'), kind: kindOf(file), text: await readText(file) });
  return [...new Map(files.map((f) => [f.path, f])).values()];
}

/**
 * The file a URL names: the exact path, else the one file whose path ends with it (links may carry a longer or
 * shorter form of the same path); `not_found:file` otherwise.
 */
export function findSourceFile(files: readonly ReviewSourceFile[], requested: string): ReviewSourceFile {
  const wanted = displayPath(requested).split(path.sep).join('/').replace(/^\.\//, '');
  const exact = files.find((f) => f.path === wanted);
  if (exact) return exact;
  const near = files.filter((f) => f.path.endsWith(`/${wanted}`) || wanted.endsWith(`/${f.path}`));
  if (near.length === 1) return near[0];
  throw new AppError('not_found:file', `This review has no file ${requested} on this side`, { details: { file: requested } });
}

/** A file's lines as the source view numbers them (1-based; a final newline ends the last line, it adds none). */
export function linesOf(text: string): string[] {
  return text.replace(/\r?\n$/, '').split(/\r?\n/);
}

/** A file's kind by its name. */
function kindOf(file: string): ReviewSourceFile['kind'] {
  if (/\.md$/i.test(file)) return 'markdown';
  return /\.(json|ya?ml)$/i.test(file) ? 'template' : 'source';
}
