import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { getDb } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { AppError } from '../errors';
import { CATEGORIES } from '../rules/types';
import { expandTaskFolders } from '../reviews/folder';
import { importTaskFolders, type ImportOutcome, type ImportProgress } from '../reviews/import';

/** Usage of the `import` command. */
export const IMPORT_USAGE = `  import <folder>... [--no-analyze] [--concurrency N] [--json]
                                         store task folders (or folders of them) as reviews on the configured database
`;

/** A progress bar on a terminal (redrawn in place), else a counter line per tenth of the way. */
export function progressReporter(stream: NodeJS.WriteStream): (p: ImportProgress) => void {
  let lastTenth = -1;
  return ({ phase, done, total }) => {
    const label = phase === 'store' ? 'storing  ' : 'analyzing';
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((done / Math.max(total, 1)) * 10);
    if (tenth !== lastTenth || done === total) {
      lastTenth = done === total ? -1 : tenth;
      stream.write(`${label.trim()} ${done}/${total}\n`);
    }
  };
}

/** One line per folder: what was imported (id, files found, platform, status, counts) or why not. */
export function describeOutcome(outcome: ImportOutcome): string {
  if (!outcome.ok) return `failed   ${outcome.folder}: ${outcome.reason}`;
  const counts = outcome.counts
    ? CATEGORIES.filter((c) => outcome.counts![c] > 0)
        .map((c) => `${c} ${outcome.counts![c]}`)
        .join(', ') || 'none'
    : 'not analyzed yet';
  const totals = outcome.totals ? `model findings ${outcome.totals.model} (${counts}), reference ${outcome.totals.reference}` : counts;
  const note = outcome.statusNote ? ` — ${outcome.statusNote}` : '';
  return `imported ${outcome.folder} → ${outcome.id} [${outcome.platform}/${outcome.language}, ${outcome.status}] files: ${outcome.files.join(', ')}; ${totals}${note}`;
}

/** `import <folder>...`: 0 when every folder was imported, 1 when some were not; bad usage throws (exit 2). */
export async function importCommand(args: string[], out: (text: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      'no-analyze': { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '2' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new AppError('bad_request:input', `import needs at least one folder\nusage:\n${IMPORT_USAGE}`);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16)
    throw new AppError('bad_request:input', '--concurrency must be an integer from 1 to 16');
  for (const arg of positionals) {
    if (!(await stat(arg).catch(() => undefined))?.isDirectory()) throw new AppError('bad_request:input', `${arg}: not a folder`);
  }
  const folders = (await Promise.all(positionals.map(expandTaskFolders))).flat();
  const handle = getDb();
  try {
    await migrateToLatest(handle);
    const outcomes = await importTaskFolders(
      folders,
      { createdBy: 'cli', analyze: !values['no-analyze'], concurrency, onProgress: progressReporter(process.stderr) },
      handle.db,
    );
    if (values.json) out(JSON.stringify({ outcomes }));
    else for (const outcome of outcomes) out(describeOutcome(outcome));
    const failed = outcomes.filter((o) => !o.ok).length;
    process.stderr.write(`imported ${outcomes.length - failed} of ${outcomes.length} folder(s)${failed ? `, ${failed} failed` : ''}\n`);
    return failed > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}
