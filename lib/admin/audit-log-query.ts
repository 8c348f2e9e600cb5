import { z } from 'zod';
import { listAuditLog, auditLogToJsonLines, type AuditLogFilter } from '../db/queries/audit-log';
/** An audit-log entry as listed (the admin pages' view of the log). */
export type { AuditLogEntry } from '../db/queries/audit-log';

const text = (max: number) => z.string().trim().min(1).max(max).optional();
const DAY_MS = 24 * 60 * 60 * 1000;

/** A point in time: an ISO 8601 timestamp, or a date (`YYYY-MM-DD`, UTC); `endOfDay` turns a date into the next midnight. */
function instant(endOfDay: boolean) {
  return z
    .union([z.iso.datetime({ offset: true }), z.iso.date()])
    .transform((value) => {
      const isDate = value.length === 10;
      const ms = Date.parse(isDate ? `${value}T00:00:00Z` : value);
      return new Date(isDate && endOfDay ? ms + DAY_MS : ms).toISOString();
    })
    .optional();
}

/** The audit log's query string: filters (`until` exclusive; a date `until` includes that whole day), page size, cursor, format. */
export const auditLogQuerySchema = z.strictObject({
  actor: text(200),
  action: text(100),
  entityType: text(100),
  entityId: text(200),
  since: instant(false),
  until: instant(true),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  cursor: z.coerce.number().int().positive().optional(),
  format: z.enum(['json', 'jsonl']).default('json'),
});

/** A parsed audit log query. */
export type AuditLogQuery = z.output<typeof auditLogQuerySchema>;

/** Parses URL search params (empty values count as absent); throws a ZodError on anything invalid or unknown. */
export function parseAuditLogQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): AuditLogQuery {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const given = entries.filter(([, value]) => value !== undefined && value !== '');
  return auditLogQuerySchema.parse(Object.fromEntries(given));
}

/** The listAuditLog filter of a query. */
export function auditLogFilterOf(query: AuditLogQuery): AuditLogFilter {
  const { actor, action, entityType, entityId, since, until, limit, cursor } = query;
  return { actorId: actor, action, entityType, entityId, since, until, limit, cursor };
}

/** The query string that reproduces the filters of `query` (no page, no format), for links. */
export function auditLogFilterParams(query: Partial<AuditLogQuery>, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['actor', 'action', 'entityType', 'entityId'] as const) if (query[key]) params.set(key, query[key]);
  if (query.since) params.set('since', query.since);
  if (query.until) params.set('until', query.until);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params;
}

const EXPORT_PAGE = 1000;

/** Every entry matching the filters of `query` (limit and cursor ignored) as JSON lines, newest first, streamed page by page. */
export function streamAuditLogJsonLines(query: AuditLogQuery): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: number | null | undefined;
  return new ReadableStream({
    async pull(controller) {
      if (cursor === null) return controller.close();
      const page = await listAuditLog({ ...auditLogFilterOf(query), limit: EXPORT_PAGE, cursor });
      if (page.entries.length > 0) controller.enqueue(encoder.encode(auditLogToJsonLines(page.entries)));
      cursor = page.nextCursor;
      if (cursor === null) controller.close();
    },
  });
}
