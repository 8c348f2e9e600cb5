import type { Metadata } from 'next';
import { ZodError } from 'zod';
import { AdminHeader } from '@/components/admin/admin-nav';
import { AuditLogFilters, type AuditLogFilterValues } from '@/components/admin/audit-log-filters';
import { AuditLogEntries } from '@/components/admin/audit-log-table';
import { ui } from '@/components/admin/styles';
import { auditLogFilterOf, auditLogFilterParams, parseAuditLogQuery } from '@/lib/admin/audit-log-query';
import { getAuth } from '@/lib/auth/auth';
import { listUsers } from '@/lib/auth/users';
import { listAuditLog } from '@/lib/db/queries/audit-log';
import { zodErrorMessage } from '@/lib/errors';
import { requirePageUser } from '@/lib/auth/guard';

/** The page's title (the layout adds " · infra-review"). */
export const metadata: Metadata = { title: 'Audit log' };

export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

/** The audit log (admins only): filters, entries newest first, cursor pages and a JSON lines export of the filtered log. */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser('admin');
  const raw = await searchParams;
  const values = Object.fromEntries(
    ['actor', 'action', 'entityType', 'since', 'until'].map((k) => [k, typeof raw[k] === 'string' ? raw[k] : undefined]),
  ) as AuditLogFilterValues;
  const users = await listUsers(await getAuth());
  let query;
  try {
    query = parseAuditLogQuery(raw);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    return (
      <div className="space-y-4">
        <AdminHeader title="Audit log" current="/admin/audit-log" />
        <AuditLogFilters values={values} users={users} />
        <p role="alert" className={ui.error}>
          Invalid filter: {zodErrorMessage(error)}
        </p>
      </div>
    );
  }
  const { entries, nextCursor } = await listAuditLog(auditLogFilterOf(query));
  const filters = auditLogFilterParams(query);
  return (
    <div className="space-y-4">
      <AdminHeader title="Audit log" current="/admin/audit-log" />
      <AuditLogFilters values={values} users={users} />
      <div className="flex items-center justify-between text-sm">
        <span className="text-slate-600">
          {entries.length} entries{query.cursor ? ' (older page)' : ''}
        </span>
        <a
          href={`/api/audit-log?${auditLogFilterParams(query, { format: 'jsonl' })}`}
          download="audit-log.jsonl"
          className={ui.secondary}
          data-testid="audit-export"
        >
          Export JSON lines
        </a>
      </div>
      <AuditLogEntries entries={entries} />
      <nav aria-label="Pages" className="flex justify-between text-sm">
        {query.cursor ? (
          <a href={`/admin/audit-log?${filters}`} className={ui.secondary} data-testid="audit-newest">
            Newest
          </a>
        ) : (
          <span />
        )}
        {nextCursor !== null && (
          <a
            href={`/admin/audit-log?${auditLogFilterParams(query, { cursor: String(nextCursor) })}`}
            className={ui.secondary}
            data-testid="audit-older"
          >
            Older entries
          </a>
        )}
      </nav>
    </div>
  );
}
