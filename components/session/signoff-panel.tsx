'use client';

import { useState } from 'react';
import { formatTime } from './format';
import { sendJson, sessionUrl } from './session-api';
import type { UnjudgedProblem } from './group-verdicts';
import type { SignoffView } from './types';

/**
 * Sign-offs so far out of those required to close the session, what is still unjudged (count, and links to each
 * problem), and my sign-off button while I may still give it, which asks to confirm while anything is unjudged.
 */
export function SignoffPanel({
  sessionId,
  signoffs,
  required,
  meId,
  canEdit,
  unjudged,
}: {
  sessionId: string;
  signoffs: SignoffView[];
  required: number;
  meId: string;
  canEdit: boolean;
  unjudged: UnjudgedProblem[];
}) {
  const [pending, setPending] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signed = signoffs.some((s) => s.userId === meId);
  const open = unjudged.reduce((n, p) => n + p.count, 0);

  async function signOff() {
    setConfirming(false);
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
          disabled={pending || confirming}
          onClick={() => (open > 0 ? setConfirming(true) : signOff())}
          className="ml-auto rounded-md bg-emerald-700 px-3 py-1 text-xs font-medium text-white hover:bg-emerald-600 disabled:opacity-50"
        >
          {pending ? 'Signing off…' : 'Sign off'}
        </button>
      )}
      {canEdit && signed && <span className="ml-auto text-xs text-slate-500">You signed off.</span>}
      {open > 0 ? (
        <details data-testid="unjudged" className="basis-full text-xs text-slate-700">
          <summary className="cursor-pointer">
            <span data-testid="unjudged-count">{open}</span> {open === 1 ? 'finding' : 'findings'} still unjudged in {unjudged.length}{' '}
            {unjudged.length === 1 ? 'problem' : 'problems'}
          </summary>
          <ul data-testid="unjudged-list" className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
            {unjudged.map((p) => (
              <li key={p.anchor} data-testid="unjudged-item">
                <a href={`#${p.anchor}`} className="text-slate-800 underline decoration-slate-300 hover:decoration-slate-600">
                  {p.label}
                </a>
                {p.count > 1 && <span className="text-slate-600"> ×{p.count}</span>}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p data-testid="unjudged-count" data-count="0" className="basis-full text-xs text-emerald-800">
          Every finding has a verdict.
        </p>
      )}
      {confirming && (
        <div
          role="alertdialog"
          aria-labelledby="signoff-confirm-text"
          data-testid="signoff-confirm"
          className="basis-full space-y-2 rounded-md bg-amber-50 p-2 text-xs text-amber-900 ring-1 ring-amber-600/25"
        >
          <p id="signoff-confirm-text">
            {open} {open === 1 ? 'finding is' : 'findings are'} still unjudged. Sign off anyway? Unjudged findings go to the export&apos;s
            &quot;Not Settled&quot; appendix.
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              data-testid="signoff-confirm-yes"
              onClick={signOff}
              className="rounded-md bg-emerald-700 px-2 py-0.5 font-medium text-white hover:bg-emerald-600"
            >
              Sign off anyway
            </button>
            <button
              type="button"
              data-testid="signoff-confirm-cancel"
              autoFocus
              onClick={() => setConfirming(false)}
              className="rounded-md bg-white px-2 py-0.5 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              Keep reviewing
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" data-testid="signoff-error" className="basis-full text-xs text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
