import type { Evidence, SourceLocation } from '@/lib/rules/types';

/** `file:line` (or `file:line:column`) for a source location. */
export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}${location.column ? `:${location.column}` : ''}`;
}

/** How many observations of one finding the page draws (a finding about a whole template can list thousands). */
export const EVIDENCE_SHOWN = 50;

/** The observations that support a finding (the first EVIDENCE_SHOWN, then how many more): resource, path, value as JSON, note, source location. */
export function EvidenceList({ evidence }: { evidence: readonly Evidence[] }) {
  if (evidence.length === 0) {
    return <p className="text-xs text-slate-500">No evidence recorded for this finding.</p>;
  }
  return (
    <ul data-testid="finding-evidence" className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
      {evidence.slice(0, EVIDENCE_SHOWN).map((item, i) => (
        <li key={i} data-testid="evidence-item" className="space-y-1 px-3 py-2">
          <p className="text-slate-800">{item.note}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
            {item.resource && <Field label="Resource" value={item.resource} />}
            {item.constructPath && <Field label="Construct" value={item.constructPath} />}
            {item.constructLocation && <Field label="Created at" value={formatLocation(item.constructLocation)} />}
            {item.path && <Field label="Path" value={item.path} />}
            {item.location && <Field label="Source" value={formatLocation(item.location)} />}
            {item.value !== undefined && (
              <>
                <dt className="text-slate-500">Value</dt>
                <dd className="min-w-0">
                  <pre tabIndex={0} className="max-h-48 overflow-auto rounded bg-slate-50 px-2 py-1 text-xs text-slate-800">
                    {JSON.stringify(item.value, null, 2)}
                  </pre>
                </dd>
              </>
            )}
          </dl>
        </li>
      ))}
      {evidence.length > EVIDENCE_SHOWN && (
        <li data-testid="evidence-more" className="px-3 py-2 text-xs text-slate-600">
          {(evidence.length - EVIDENCE_SHOWN).toLocaleString('en-US')} more observations, in the findings JSON and the exports
        </li>
      )}
    </ul>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-all font-mono text-slate-800">{value}</dd>
    </>
  );
}
