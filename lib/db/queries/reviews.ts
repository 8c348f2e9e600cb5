import { sql, type Kysely, type Selectable } from 'kysely';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../../rules/types';
import { getDb } from '../connection';
import type { ReviewSort } from '../../reviews/plan-types';
import type { Database, ReviewsTable } from '../schema';

/** A stored review row. */
export type ReviewRow = Selectable<ReviewsTable>;

/** A new review row (counts default to 0 and coverage to null until analyzed). */
export type NewReviewRow = Omit<ReviewRow, `count_${Category | Severity}` | `coverage_${'found' | 'failures' | 'ratio' | 'unlisted'}`>;

/** List filters: each given one narrows the list; `category`/`severity` keep reviews with open model findings there. */
export interface ReviewRowFilter {
  platform?: string;
  language?: string;
  status?: string;
  kind?: string;
  category?: Category;
  severity?: Severity;
  sort?: ReviewSort;
  order?: 'asc' | 'desc';
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

/** A stored review row as lists show it (without its files). */
export type ReviewListRow = Omit<ReviewRow, 'reference_json' | 'model_json' | 'prompt' | 'model_failures'>;

// Reviews without coverage (none computed, or no human review) sort after every covered one, in both directions.
const SORT_EXPRESSIONS = {
  created: sql<string>`created_at`,
  name: sql<string>`lower(name)`,
  findings: sql<number>`count_error + count_warning + count_info`,
  coverage: sql<number>`coverage_ratio`,
} as const;

function filtered(filter: ReviewRowFilter, db: Kysely<Database>) {
  let query = db.selectFrom('reviews');
  if (filter.platform) query = query.where('platform', '=', filter.platform);
  if (filter.language) query = query.where('language', '=', filter.language);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.category) query = query.where(`count_${filter.category}`, '>', 0);
  if (filter.severity) query = query.where(`count_${filter.severity}`, '>', 0);
  return query;
}

/** How many stored reviews match the filter (every page together). */
export async function countReviewRows(filter: ReviewRowFilter = {}, db: Kysely<Database> = getDb().db): Promise<number> {
  const { total } = await filtered(filter, db)
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(total);
}

/** One page of rows without their stored files (list views), filtered and sorted (newest first by default), ties by id. */
export async function listReviewRows(filter: ReviewRowFilter = {}, db: Kysely<Database> = getDb().db): Promise<ReviewListRow[]> {
  const order = filter.order ?? (filter.sort === 'name' ? 'asc' : 'desc');
  const sort = filter.sort ?? 'created';
  let query = filtered(filter, db).select([
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
    'coverage_found',
    'coverage_failures',
    'coverage_ratio',
    'coverage_unlisted',
    ...COUNT_COLUMNS,
  ]);
  if (sort === 'coverage') query = query.orderBy(sql<number>`case when coverage_ratio is null then 1 else 0 end`);
  query = query.orderBy(SORT_EXPRESSIONS[sort], order);
  if (sort === 'coverage') query = query.orderBy('coverage_failures', order);
  query = query.orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  // SQLite has no OFFSET without LIMIT: an offset alone pages to the end.
  if (filter.offset) query = (filter.limit === undefined ? query.limit(Number.MAX_SAFE_INTEGER) : query).offset(filter.offset);
  return query.execute();
}

/** Coverage as recorded per analyzed review that has human failures, newest first: what GET /api/coverage sums. */
export function listReviewCoverageRows(db: Kysely<Database> = getDb().db) {
  return db
    .selectFrom('reviews')
    .select(['id', 'name', 'coverage_found', 'coverage_failures', 'coverage_ratio', 'coverage_unlisted'])
    .where('coverage_failures', 'is not', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Removes a review row that a failed creation left (nothing refers to it yet, so nothing is audited). */
export async function discardReviewRow({ id }: { id: string }, db: Kysely<Database> = getDb().db): Promise<void> {
  await db.deleteFrom('reviews').where('id', '=', id).execute();
}

/** Records an analysis: status, summary and the cached counts, in one statement. */
export async function saveReviewAnalysis(
  {
    id,
    ...values
  }: {
    id: string;
    status: string;
    statusNote: string | null;
    summaryJson: string;
    counts: CachedCounts;
    coverage: { found: number; failures: number; ratio: number; unlisted: number } | null;
    analyzedAt: string;
  },
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
      coverage_found: values.coverage?.found ?? null,
      coverage_failures: values.coverage?.failures ?? null,
      coverage_ratio: values.coverage?.ratio ?? null,
      coverage_unlisted: values.coverage?.unlisted ?? null,
      ...counts,
    })
    .where('id', '=', id)
    .execute();
}

/** The cached counts of a row. */
export function countsOfRow(row: Pick<ReviewRow, `count_${Category | Severity}`>): CachedCounts {
  return Object.fromEntries([...CATEGORIES, ...SEVERITIES].map((k) => [k, row[`count_${k}`]])) as CachedCounts;
}
