import path from 'node:path';
import type { Kysely } from 'kysely';
import { getDb } from '../db/connection';
import type { Database } from '../db/schema';
import { toAppError } from '../errors';
import { readTaskFolder } from './folder';
import { planTask } from './task';
import { getStoredReviewSummary, runStoredReview, storePlannedReview } from './service';
import type { CachedCounts } from '../db/queries/reviews';

/** What happened to one folder: imported (with what was found and, once analyzed, the counts), or why not. */
export type ImportOutcome =
  | {
      folder: string;
      ok: true;
      id: string;
      files: string[];
      platform: string;
      language: string;
      status: string;
      statusNote: string | null;
      totals: { model: number; reference: number } | null;
      counts: CachedCounts | null;
    }
  | { folder: string; ok: false; reason: string };

/** Progress of an import: folders done so far out of all, and the phase. */
export interface ImportProgress {
  phase: 'store' | 'analyze';
  done: number;
  total: number;
}

/** How to import: who is recorded as creator, whether to analyze now, with how many analyses at once. */
export interface ImportOptions {
  createdBy: string;
  /** Analyze each stored review now (default); false leaves them `pending` (opening one analyzes it in memory, recording nothing). */
  analyze?: boolean;
  concurrency?: number;
  onProgress?: (progress: ImportProgress) => void;
}

/** Runs `fn` over `items` with at most `limit` in flight, in order of start. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index], index);
    }
  });
  await Promise.all(workers);
}

/**
 * Imports task folders: each is read, planned and stored (files parsed, not analyzed), then analyzed with bounded
 * concurrency unless `analyze` is false. A folder that cannot be imported is reported with its reason; the others go on.
 */
export async function importTaskFolders(
  folders: readonly string[],
  options: ImportOptions,
  db: Kysely<Database> = getDb().db,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = new Array(folders.length);
  let done = 0;
  await eachLimited(folders, 8, async (folder, index) => {
    try {
      const { files, skipped } = await readTaskFolder(folder);
      if (files.length === 0) throw new Error('not a task folder: no PROMPT.md, MODEL_RESPONSE.md or metadata.json');
      const summary = await storePlannedReview(
        { plan: planTask(files, path.basename(path.resolve(folder))), createdBy: options.createdBy },
        db,
      );
      outcomes[index] = {
        folder,
        ok: true,
        id: summary.id,
        files: [...files.map((f) => f.path), ...skipped.map((s) => `${s} (skipped: too large)`)],
        platform: summary.platform,
        language: summary.language,
        status: summary.status,
        statusNote: summary.statusNote,
        totals: null,
        counts: null,
      };
    } catch (error) {
      outcomes[index] = { folder, ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    options.onProgress?.({ phase: 'store', done: ++done, total: folders.length });
  });
  if (options.analyze === false) return outcomes;
  const stored = outcomes.filter((o): o is Extract<ImportOutcome, { ok: true }> => o.ok && o.status !== 'failed');
  done = 0;
  await eachLimited(stored, options.concurrency ?? 2, async (outcome) => {
    try {
      await runStoredReview({ id: outcome.id }, db);
      const summary = await getStoredReviewSummary({ id: outcome.id }, db);
      Object.assign(outcome, {
        status: summary.status,
        statusNote: summary.statusNote,
        totals: { model: summary.totals.model, reference: summary.totals.reference },
        counts: summary.counts,
      });
    } catch (error) {
      // Stored all the same: the review is analyzed again when opened.
      outcome.statusNote = `analysis failed: ${toAppError(error).message}`;
    }
    options.onProgress?.({ phase: 'analyze', done: ++done, total: stored.length });
  });
  return outcomes;
}
