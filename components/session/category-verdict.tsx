'use client';

import { useState } from 'react';
import { VERDICT_VALUES } from '@/lib/audit/verdict-labels';
import { VERDICT_STYLES } from './labels';
import { sendBulkVerdict } from './session-api';
import type { VerdictValue } from './types';

/** One verdict for every model and manual finding of a category, in one all-or-nothing call. */
export function CategoryVerdict({ sessionId, category, keys }: { sessionId: string; category: string; keys: readonly string[] }) {
  const [verdict, setVerdict] = useState<VerdictValue>('confirmed');
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function apply() {
    setPending(true);
    const result = await sendBulkVerdict(sessionId, keys, verdict);
    setPending(false);
    setMessage(
      result.ok ? { ok: true, text: `${VERDICT_STYLES[verdict].label}: all ${keys.length}` } : { ok: false, text: result.message },
    );
  }

  return (
    <div className="flex flex-wrap items-center gap-1.5 text-xs">
      <label htmlFor={`category-verdict-${category}`} className="text-slate-600">
        All {keys.length} in this category:
      </label>
      <select
        id={`category-verdict-${category}`}
        data-testid={`category-verdict-${category}`}
        value={verdict}
        onChange={(e) => setVerdict(e.target.value as VerdictValue)}
        className="rounded-md bg-white px-1.5 py-0.5 ring-1 ring-slate-300"
      >
        {VERDICT_VALUES.map((v) => (
          <option key={v} value={v}>
            {VERDICT_STYLES[v].label}
          </option>
        ))}
      </select>
      <button
        type="button"
        data-testid={`category-verdict-apply-${category}`}
        disabled={pending}
        onClick={apply}
        className="rounded-md bg-slate-800 px-2 py-0.5 font-medium text-white hover:bg-slate-700 disabled:opacity-60"
      >
        Apply
      </button>
      {message && (
        <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'text-slate-600' : 'text-red-700'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
