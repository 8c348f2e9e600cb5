import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../connection';

/**
 * How a deploy proceeds after its preview: `policy` executes at once when the approval policy needs no confirmation
 * (the API's behaviour so far, kept for existing rows and scripts), `confirm` always waits for an explicit execute.
 */
export function deployExecutionMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('deploys')
        .addColumn('execution', 'text', (c) => c.notNull().defaultTo('policy'))
        .execute();
    },

    async down(db: Kysely<any>) {
      await db.schema.alterTable('deploys').dropColumn('execution').execute();
    },
  };
}
