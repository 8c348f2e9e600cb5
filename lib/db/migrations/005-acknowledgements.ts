import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../connection';

/**
 * Acknowledgements of findings per review: a rule id (or `*`) on a resource (or `*`), with a required reason, the
 * author, and an optional expiry after which the acknowledgement is reported as expired instead of applied.
 */
export function acknowledgementsMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('acknowledgements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('review_id', 'text', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('resource', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text')
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .execute();
      await db.schema.createIndex('acknowledgements_by_review').on('acknowledgements').columns(['review_id', 'created_at']).execute();
    },

    async down(db: Kysely<any>) {
      await db.schema.dropTable('acknowledgements').ifExists().execute();
    },
  };
}
