import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../connection';

/** Pins what a session audits: the review's findings, artifact states and diff as JSON text, one row per session. */
export function sessionSnapshotsMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('session_snapshots')
        .addColumn('session_id', 'text', (c) => c.primaryKey().references('audit_sessions.id').onDelete('cascade'))
        .addColumn('review_json', 'text', (c) => c.notNull())
        .execute();
    },

    async down(db: Kysely<any>) {
      await db.schema.dropTable('session_snapshots').ifExists().execute();
    },
  };
}
