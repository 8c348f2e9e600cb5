import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../connection';

/**
 * The findings of each stored review that its human review does not list, recorded at analysis beside the coverage of
 * 007, so that GET /api/coverage serves every number from the rows instead of re-analysing each review; null until analyzed.
 */
export function reviewCoverageUnlistedMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('reviews').addColumn('coverage_unlisted', 'integer').execute();
    },

    async down(db: Kysely<any>) {
      await db.schema.alterTable('reviews').dropColumn('coverage_unlisted').execute();
    },
  };
}
