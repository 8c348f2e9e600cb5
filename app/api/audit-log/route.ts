import { auditLogFilterOf, parseAuditLogQuery, streamAuditLogJsonLines } from '@/lib/admin/audit-log-query';
import { handle } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/guard';
import { listAuditLog } from '@/lib/db/queries/audit-log';

export const dynamic = 'force-dynamic';

const JSONL_HEADERS = {
  'content-type': 'application/x-ndjson; charset=utf-8',
  'content-disposition': 'attachment; filename="audit-log.jsonl"',
};

/** The audit log, newest first (admin): one page `{entries, nextCursor}`, or with `format=jsonl` every matching entry as JSON lines. */
export const GET = handle(async (req: Request) => {
  await requireUser(req, 'admin');
  const query = parseAuditLogQuery(new URL(req.url).searchParams);
  if (query.format === 'jsonl') return new Response(streamAuditLogJsonLines(query), { headers: JSONL_HEADERS });
  return Response.json(await listAuditLog(auditLogFilterOf(query)));
});
