import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../connection';

/**
 * Coverage of each stored review against its human MODEL_FAILURES.md, recorded by the analysis like the counts, so
 * the reviews list shows and sorts by it without recomputing any review; null until analyzed, or without a human review.
 */
export function reviewCoverageMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('reviews').addColumn('coverage_found', 'integer').execute();
      await db.schema.alterTable('reviews').addColumn('coverage_failures', 'integer').execute();
      await db.schema.alterTable('reviews').addColumn('coverage_ratio', 'real').execute();
    },

    async down(db: Kysely<any>) {
      for (const column of ['coverage_ratio', 'coverage_failures', 'coverage_found'])
        await db.schema.alterTable('reviews').dropColumn(column).execute();
    },
  };
}
