import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../connection';

/**
 * Stored reviews: a reference and a model as files (name + text, JSON), optional prompt and human review, and the
 * counts of the last analysis in plain integer columns so that list filters are simple comparisons on both dialects.
 */
export function reviewsMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      let table = db.schema
        .createTable('reviews')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_note', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('analyzed_at', 'text')
        .addColumn('reference_json', 'text', (c) => c.notNull())
        .addColumn('model_json', 'text', (c) => c.notNull())
        .addColumn('prompt', 'text')
        .addColumn('model_failures', 'text')
        .addColumn('metadata_json', 'text', (c) => c.notNull())
        .addColumn('summary_json', 'text');
      for (const column of REVIEW_COUNT_COLUMNS) table = table.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
      await table.execute();
      await db.schema.createIndex('reviews_by_created').on('reviews').columns(['created_at', 'id']).execute();
      await db.schema.createIndex('reviews_by_platform_status').on('reviews').columns(['platform', 'status']).execute();
    },

    async down(db: Kysely<any>) {
      await db.schema.dropTable('reviews').ifExists().execute();
    },
  };
}

/** The cached count columns: open model-side findings per category and per severity. */
export const REVIEW_COUNT_COLUMNS = [
  'count_syntax',
  'count_deployment',
  'count_security',
  'count_performance',
  'count_observability',
  'count_error',
  'count_warning',
  'count_info',
] as const;
