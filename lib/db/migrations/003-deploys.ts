import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../connection';

/**
 * Deploys of the reference (one row each, from change-set preview to outcome) and one lock row per stack target:
 * the lock's primary key makes "at most one deploy in flight per stack" hold across every app instance.
 */
export function deploysMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('deploys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('stack_key', 'text', (c) => c.notNull())
        .addColumn('stack_name', 'text', (c) => c.notNull())
        .addColumn('target_label', 'text', (c) => c.notNull())
        .addColumn('review_id', 'text', (c) => c.notNull())
        .addColumn('template_hash', 'text', (c) => c.notNull())
        .addColumn('template_body', 'text', (c) => c.notNull())
        .addColumn('client_token', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('change_set_type', 'text')
        .addColumn('change_set_id', 'text')
        .addColumn('preview_json', 'text')
        .addColumn('outcome_json', 'text')
        .addColumn('message', 'text')
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('requested_by_label', 'text', (c) => c.notNull())
        .addColumn('confirmed_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('executed_at', 'text')
        .addColumn('finished_at', 'text')
        .addColumn('worker_instance', 'text')
        .addColumn('worker_seen_at', 'text')
        .execute();
      await db.schema.createIndex('deploys_by_stack').on('deploys').columns(['stack_key', 'created_at']).execute();
      await db.schema
        .createTable('deploy_locks')
        .addColumn('stack_key', 'text', (c) => c.primaryKey())
        .addColumn('deploy_id', 'text', (c) => c.notNull())
        .addColumn('holder_label', 'text', (c) => c.notNull())
        .addColumn('acquired_at', 'text', (c) => c.notNull())
        .execute();
    },

    async down(db: Kysely<any>) {
      await db.schema.dropTable('deploy_locks').ifExists().execute();
      await db.schema.dropTable('deploys').ifExists().execute();
    },
  };
}
