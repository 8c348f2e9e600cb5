'use client';

import { useState } from 'react';
import { VERDICT_VALUES } from '@/lib/audit/verdict-labels';
import { VERDICT_STYLES } from './labels';
import { sendJson, sessionUrl } from './session-api';
import type { VerdictView, VerdictValue } from './types';

/** The four verdict buttons for one finding (mine aria-pressed) and an optional reason sent with the verdict. */
export function VerdictControls({ sessionId, findingKey, mine }: { sessionId: string; findingKey: string; mine?: VerdictView }) {
  const [reason, setReason] = useState(mine?.reason ?? '');
  // A live update of my verdict resets the reason field without remounting (which would drop the keyboard focus).
  const [shown, setShown] = useState(mine?.updatedAt);
  if (shown !== mine?.updatedAt) {
    setShown(mine?.updatedAt);
    setReason(mine?.reason ?? '');
  }
  const [pending, setPending] = useState<VerdictValue | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function choose(verdict: VerdictValue) {
    setPending(verdict);
    setError(null);
    const trimmed = reason.trim();
    const result = await sendJson(
      'PUT',
      sessionUrl(sessionId, 'findings', findingKey, 'verdict'),
      trimmed ? { verdict, reason: trimmed } : { verdict },
    );
    setPending(null);
    if (!result.ok) setError(result.message);
  }

  return (
    <div className="space-y-1.5">
      <div role="group" aria-label="Your verdict" className="flex flex-wrap items-center gap-1.5">
        {VERDICT_VALUES.map((v) => {
          const pressed = mine?.verdict === v;
          return (
            <button
              key={v}
              type="button"
              data-testid={`verdict-${v}`}
              aria-pressed={pressed}
              disabled={pending !== null}
              onClick={() => choose(v)}
              className={`rounded-md px-2 py-1 text-xs font-medium ring-1 ring-inset disabled:opacity-60 ${
                pressed ? VERDICT_STYLES[v].pressed : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'
              }`}
            >
              {VERDICT_STYLES[v].label}
            </button>
          );
        })}
        <input
          data-testid="verdict-reason"
          aria-label="Reason for your verdict (optional)"
          placeholder="Reason (optional)"
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          className="w-44 rounded-md px-2 py-1 text-xs ring-1 ring-slate-300 placeholder:text-slate-400 focus:outline-none focus:ring-slate-500"
        />
      </div>
      {error && (
        <p role="alert" data-testid="verdict-error" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
