/** A pill saying whether a session is open (editable) or closed (read-only). */
export function StatusBadge({ status }: { status: 'open' | 'closed' }) {
  const style = status === 'open' ? 'bg-emerald-50 text-emerald-700 ring-emerald-600/20' : 'bg-slate-100 text-slate-700 ring-slate-400/40';
  return (
    <span
      data-testid="session-status"
      data-status={status}
      className={`inline-flex rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${style}`}
    >
      {status === 'open' ? 'Open' : 'Closed'}
    </span>
  );
}
