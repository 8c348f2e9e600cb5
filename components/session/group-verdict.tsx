'use client';

import { useState } from 'react';
import { VERDICT_VALUES } from '@/lib/audit/verdict-labels';
import { groupVerdictEntries, myGroupVerdict } from './group-verdicts';
import { VERDICT_STYLES } from './labels';
import { sendBulkVerdict } from './session-api';
import type { VerdictView } from './types';

/** My verdict for a whole group of findings in one call (pressed when I gave it to every one of them); instances may override it. */
export function GroupVerdictControls({
  sessionId,
  keys,
  verdicts,
  meId,
}: {
  sessionId: string;
  keys: readonly string[];
  verdicts: Record<string, VerdictView[]>;
  meId: string;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = myGroupVerdict(keys, verdicts, meId);

  async function choose(verdict: string) {
    setPending(true);
    setError(null);
    const result = await sendBulkVerdict(sessionId, keys, verdict);
    setPending(false);
    if (!result.ok) setError(result.message);
  }

  return (
    <div className="space-y-1">
      <div role="group" aria-label={`Your verdict on all ${keys.length}`} className="flex flex-wrap items-center gap-1.5">
        {VERDICT_VALUES.map((v) => (
          <button
            key={v}
            type="button"
            data-testid={`group-verdict-${v}`}
            aria-pressed={mine === v}
            disabled={pending}
            onClick={() => choose(v)}
            className={`rounded-md px-2 py-1 text-xs font-medium ring-1 ring-inset disabled:opacity-60 ${
              mine === v ? VERDICT_STYLES[v].pressed : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'
            }`}
          >
            {VERDICT_STYLES[v].label}
            {keys.length > 1 && <span className="sr-only"> (all {keys.length})</span>}
          </button>
        ))}
        {mine === 'mixed' && (
          <span data-testid="group-verdict-mixed" className="text-xs text-slate-600">
            yours differ per instance
          </span>
        )}
      </div>
      {error && (
        <p role="alert" data-testid="group-verdict-error" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** Everybody's verdicts over the group: "Alice: Confirmed" when one verdict covers it all, else the count of each. */
export function GroupVerdictSummary({ keys, verdicts }: { keys: readonly string[]; verdicts: Record<string, VerdictView[]> }) {
  const entries = groupVerdictEntries(keys, verdicts);
  if (entries.length === 0) return <p className="py-1 text-xs text-slate-500">No verdicts yet.</p>;
  return (
    <ul className="flex flex-wrap gap-1.5 py-0.5">
      {entries.map((e) => {
        const whole = e.counts.length === 1 && e.judged === keys.length;
        return (
          <li
            key={e.userId}
            data-testid="group-verdict-entry"
            data-verdict={whole ? e.counts[0].verdict : 'mixed'}
            className={`rounded-md px-1.5 py-0.5 text-xs ring-1 ring-inset ${
              whole ? VERDICT_STYLES[e.counts[0].verdict].chip : 'bg-white text-slate-700 ring-slate-300'
            }`}
          >
            {e.userLabel}:{' '}
            {whole
              ? VERDICT_STYLES[e.counts[0].verdict].label
              : e.counts.map((c) => `${VERDICT_STYLES[c.verdict].label} ×${c.count}`).join(', ')}
          </li>
        );
      })}
    </ul>
  );
}
