import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connection';

// Column types valid on both dialects: text, integer; timestamps are ISO 8601 text and JSON is text (see schema.ts).

/** Issue 3's tables: settings, audit sessions with verdicts, comments, manual findings, sign-offs, presence, audit log. */
export function auditSessionsMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();

      await db.schema
        .createTable('audit_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('review_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('reference_hash', 'text', (c) => c.notNull())
        .addColumn('model_hash', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c
            .notNull()
            .defaultTo('open')
            .check(sql`status in ('open', 'closed')`),
        )
        .addColumn('required_signoffs', 'integer', (c) =>
          c
            .notNull()
            .defaultTo(1)
            .check(sql`required_signoffs >= 1`),
        )
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .execute();
      await db.schema.createIndex('audit_sessions_review_idx').on('audit_sessions').columns(['review_id', 'created_at']).execute();

      await db.schema
        .createTable('verdicts')
        .addColumn('session_id', 'text', (c) => c.notNull().references('audit_sessions.id').onDelete('cascade'))
        .addColumn('finding_key', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) =>
          c.notNull().check(sql`verdict in ('confirmed', 'false_positive', 'accepted_risk', 'needs_discussion')`),
        )
        .addColumn('reason', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('verdicts_pk', ['session_id', 'finding_key', 'user_id'])
        .execute();

      await db.schema
        .createTable('comments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('audit_sessions.id').onDelete('cascade'))
        .addColumn('finding_key', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull().check(sql`length(body) <= 10000`))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('comments_session_idx').on('comments').columns(['session_id', 'created_at']).execute();

      await db.schema
        .createTable('manual_findings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('audit_sessions.id').onDelete('cascade'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('problem', 'text', (c) => c.notNull())
        .addColumn('impact', 'text', (c) => c.notNull())
        .addColumn('fix', 'text', (c) => c.notNull())
        .addColumn('resources', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('manual_findings_session_idx').on('manual_findings').column('session_id').execute();

      await db.schema
        .createTable('signoffs')
        .addColumn('session_id', 'text', (c) => c.notNull().references('audit_sessions.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('signoffs_pk', ['session_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('presence')
        .addColumn('connection_id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('audit_sessions.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('instance_id', 'text', (c) => c.notNull())
        .addColumn('last_seen', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('presence_session_idx').on('presence').columns(['session_id', 'last_seen']).execute();

      await createAuditLog(db, dialect);

      await db.schema
        .createTable('notify_payloads')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notify_payloads_created_idx').on('notify_payloads').column('created_at').execute();
    },

    async down(db: Kysely<any>) {
      for (const table of [
        'notify_payloads',
        'audit_log',
        'presence',
        'signoffs',
        'manual_findings',
        'comments',
        'verdicts',
        'audit_sessions',
        'settings',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
      if (dialect === 'postgres') await sql`drop function if exists audit_log_append_only()`.execute(db);
    },
  };
}

/** The audit log, made append-only by triggers so that even direct SQL cannot rewrite history. */
async function createAuditLog(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'entity_id']).execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').column('actor_id').execute();

  if (dialect === 'postgres') {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_rewrite before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }
}
