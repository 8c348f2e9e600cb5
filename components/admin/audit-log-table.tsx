import type { AuditLogEntry } from '@/lib/admin/audit-log-query';
import { ui } from './styles';

/** Audit entries as given (newest first), each change's before and after JSON folded in a <details>. */
export function AuditLogEntries({ entries }: { entries: AuditLogEntry[] }) {
  if (entries.length === 0)
    return (
      <p className="py-6 text-center text-sm text-slate-500" data-testid="audit-empty">
        No entries match these filters.
      </p>
    );
  return (
    <div role="region" aria-label="Audit log entries" tabIndex={0} className="overflow-x-auto">
      <table className={ui.table}>
        <thead>
          <tr>
            <th className={ui.th}>When (UTC)</th>
            <th className={ui.th}>Actor</th>
            <th className={ui.th}>Action</th>
            <th className={ui.th}>Entity</th>
            <th className={ui.th}>Change</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
              <td className={`${ui.td} whitespace-nowrap font-mono text-xs`}>{entry.at.slice(0, 19).replace('T', ' ')}</td>
              <td className={`${ui.td} text-xs`}>{entry.actorLabel}</td>
              <td className={`${ui.td} font-mono text-xs`}>{entry.action}</td>
              <td className={`${ui.td} text-xs`}>
                {entry.entityType} <span className="font-mono text-slate-500">{entry.entityId}</span>
              </td>
              <td className={ui.td}>
                <details>
                  <summary className="cursor-pointer text-xs text-slate-600">before / after</summary>
                  <div className="mt-1 grid gap-2 sm:grid-cols-2">
                    <JsonBlock label="before" value={entry.before} />
                    <JsonBlock label="after" value={entry.after} />
                  </div>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One JSON document, pretty-printed (rendered as text: React escapes it). */
function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <div className="text-[10px] uppercase tracking-wide text-slate-400">{label}</div>
      <pre tabIndex={0} className="max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800">
        {JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}
