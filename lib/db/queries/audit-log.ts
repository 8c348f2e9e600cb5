import type { Kysely } from 'kysely';
import { getDb } from '../connection';
import type { AuditLogRow, Database, IsoTimestamp } from '../schema';
import { nowIso, parseJson, type Actor } from './shared';

/** A state change to record: who did what to which entity, with the entity before and after. */
export interface AuditLogInput {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** An audit log entry with its JSON documents parsed. */
export interface AuditLogEntry {
  id: number;
  at: IsoTimestamp;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Which entries to list, newest first; `cursor` is the `nextCursor` of the previous page. */
export interface AuditLogFilter {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  since?: IsoTimestamp;
  until?: IsoTimestamp;
  limit: number;
  cursor?: number | null;
}

const MAX_PAGE = 1000;

/** Appends one entry; pass the transaction of the write it records so both commit or neither does. */
export async function appendAuditLog(entry: AuditLogInput, trx: Kysely<Database>): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      actor_id: entry.actor.id,
      actor_label: entry.actor.label,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

/** One page of entries matching every given filter (`since` inclusive, `until` exclusive), newest first. */
export async function listAuditLog(
  filter: AuditLogFilter,
  db: Kysely<Database> = getDb().db,
): Promise<{ entries: AuditLogEntry[]; nextCursor: number | null }> {
  const limit = Math.min(Math.max(Math.trunc(filter.limit), 1), MAX_PAGE);
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.entityType !== undefined) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
  if (filter.since !== undefined) query = query.where('at', '>=', filter.since);
  if (filter.until !== undefined) query = query.where('at', '<', filter.until);
  if (filter.cursor != null) query = query.where('id', '<', filter.cursor);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const entries = rows.slice(0, limit).map(toAuditEntry);
  return { entries, nextCursor: rows.length > limit ? entries[entries.length - 1].id : null };
}

/** Entries as JSON lines (one object per line, newline-terminated) for export. */
export function auditLogToJsonLines(entries: AuditLogEntry[]): string {
  return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

function toAuditEntry(row: AuditLogRow): AuditLogEntry {
  return {
    // pg returns bigserial as a string; ids stay far below 2^53.
    id: Number(row.id),
    at: row.at,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: parseJson(row.before),
    after: parseJson(row.after),
  };
}
