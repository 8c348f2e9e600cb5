import type { Kysely, Selectable } from 'kysely';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../../rules/types';
import { getDb } from '../connection';
import type { Database, ReviewsTable } from '../schema';

/** A stored review row. */
export type ReviewRow = Selectable<ReviewsTable>;

/** A new review row (counts default to 0 until analyzed). */
export type NewReviewRow = Omit<ReviewRow, `count_${Category | Severity}`>;

/** List filters: each given one narrows the list; `category`/`severity` keep reviews with open model findings there. */
export interface ReviewRowFilter {
  platform?: string;
  language?: string;
  status?: string;
  kind?: string;
  category?: Category;
  severity?: Severity;
  limit?: number;
  offset?: number;
}

/** Open model-side findings per category and per severity, as cached on a row. */
export type CachedCounts = Record<Category | Severity, number>;

/** Inserts a review row. */
export async function insertReviewRow(row: NewReviewRow, db: Kysely<Database> = getDb().db): Promise<void> {
  await db.insertInto('reviews').values(row).execute();
}

/** The stored review with this id. */
export async function getReviewRowById({ id }: { id: string }, db: Kysely<Database> = getDb().db): Promise<ReviewRow | undefined> {
  return db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The id and name of the stored review with this id (no files): what a page needs to answer 404 or title itself. */
export async function getReviewNameRowById({ id }: { id: string }, db: Kysely<Database> = getDb().db) {
  return db.selectFrom('reviews').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

// The cached counts: open model findings per category and per severity (the migration keeps its own frozen list).
const COUNT_COLUMNS = [...CATEGORIES, ...SEVERITIES].map((name) => `count_${name}` as const);

/** Rows without their stored files (list views), newest first, filtered. */
export async function listReviewRows(
  filter: ReviewRowFilter = {},
  db: Kysely<Database> = getDb().db,
): Promise<Omit<ReviewRow, 'reference_json' | 'model_json' | 'prompt' | 'model_failures'>[]> {
  let query = db
    .selectFrom('reviews')
    .select([
      'id',
      'name',
      'kind',
      'platform',
      'language',
      'status',
      'status_note',
      'created_by',
      'created_at',
      'analyzed_at',
      'metadata_json',
      'summary_json',
      ...COUNT_COLUMNS,
    ]);
  if (filter.platform) query = query.where('platform', '=', filter.platform);
  if (filter.language) query = query.where('language', '=', filter.language);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.category) query = query.where(`count_${filter.category}`, '>', 0);
  if (filter.severity) query = query.where(`count_${filter.severity}`, '>', 0);
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 500)
    .offset(filter.offset ?? 0)
    .execute();
}

/** Records an analysis: status, summary and the cached counts, in one statement. */
export async function saveReviewAnalysis(
  {
    id,
    ...values
  }: { id: string; status: string; statusNote: string | null; summaryJson: string; counts: CachedCounts; analyzedAt: string },
  db: Kysely<Database> = getDb().db,
): Promise<void> {
  const counts = Object.fromEntries([...CATEGORIES, ...SEVERITIES].map((k) => [`count_${k}`, values.counts[k]]));
  await db
    .updateTable('reviews')
    .set({
      status: values.status,
      status_note: values.statusNote,
      summary_json: values.summaryJson,
      analyzed_at: values.analyzedAt,
      ...counts,
    })
    .where('id', '=', id)
    .execute();
}

/** The cached counts of a row. */
export function countsOfRow(row: Pick<ReviewRow, `count_${Category | Severity}`>): CachedCounts {
  return Object.fromEntries([...CATEGORIES, ...SEVERITIES].map((k) => [k, row[`count_${k}`]])) as CachedCounts;
}
