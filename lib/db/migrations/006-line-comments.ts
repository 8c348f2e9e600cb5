import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connection';

/** Comments of an audit session on a line of a file of its review (side, file path, 1-based line), as in a PR review. */
export function lineCommentsMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('line_comments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('audit_sessions.id').onDelete('cascade'))
        .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('model', 'reference')`))
        .addColumn('file', 'text', (c) => c.notNull())
        .addColumn('line', 'integer', (c) => c.notNull().check(sql`line >= 1`))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull().check(sql`length(body) <= 10000`))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('line_comments_session_idx').on('line_comments').columns(['session_id', 'created_at']).execute();
    },

    async down(db: Kysely<any>) {
      await db.schema.dropTable('line_comments').ifExists().execute();
    },
  };
}
