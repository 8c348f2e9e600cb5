'use client';

import { useState } from 'react';
import { formatTime } from './format';
import { sendJson, sessionUrl } from './session-api';
import type { SignoffView } from './types';

/** Sign-offs so far out of those required to close the session, and my sign-off button while I may still give it. */
export function SignoffPanel({
  sessionId,
  signoffs,
  required,
  meId,
  canEdit,
}: {
  sessionId: string;
  signoffs: SignoffView[];
  required: number;
  meId: string;
  canEdit: boolean;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signed = signoffs.some((s) => s.userId === meId);

  async function signOff() {
    setPending(true);
    setError(null);
    const result = await sendJson('POST', sessionUrl(sessionId, 'signoffs'), {});
    setPending(false);
    if (!result.ok) setError(result.message);
  }

  return (
    <section
      aria-labelledby="signoffs-heading"
      className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg bg-white px-3 py-2 ring-1 ring-slate-200"
    >
      <h2 id="signoffs-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        Sign-offs{' '}
        <span data-testid="signoff-count" className="font-mono font-normal normal-case text-slate-700">
          {signoffs.length} / {required}
        </span>
      </h2>
      <ul data-testid="signoff-list" className="flex flex-wrap gap-1.5 text-xs">
        {signoffs.map((s) => (
          <li
            key={s.userId}
            data-testid="signoff-entry"
            className="rounded-md bg-emerald-50 px-1.5 py-0.5 text-emerald-800 ring-1 ring-inset ring-emerald-600/20"
          >
            {s.userLabel} · <time dateTime={s.createdAt}>{formatTime(s.createdAt)}</time>
          </li>
        ))}
        {signoffs.length === 0 && <li className="text-slate-500">Nobody has signed off yet.</li>}
      </ul>
      {canEdit && !signed && (
        <button
          type="button"
          data-testid="signoff-button"
          disabled={pending}
          onClick={signOff}
          className="ml-auto rounded-md bg-emerald-700 px-3 py-1 text-xs font-medium text-white hover:bg-emerald-600 disabled:opacity-50"
        >
          {pending ? 'Signing off…' : 'Sign off'}
        </button>
      )}
      {canEdit && signed && <span className="ml-auto text-xs text-slate-500">You signed off.</span>}
      {error && (
        <p role="alert" data-testid="signoff-error" className="basis-full text-xs text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
