'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { sendJson } from './session-api';

const FIELD = 'rounded-md px-2 py-1 text-sm ring-1 ring-slate-300 placeholder:text-slate-400 focus:outline-none focus:ring-slate-500';

/** "Start audit session": a name and the sign-offs that close it; on success opens the new session's page. */
export function StartSessionForm({ reviewId }: { reviewId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await sendJson('POST', `/api/reviews/${encodeURIComponent(reviewId)}/sessions`, {
      name: String(data.get('name') ?? '').trim(),
      requiredSignoffs: Number(data.get('requiredSignoffs') ?? 1),
    });
    if (!result.ok) {
      setPending(false);
      setError(result.message);
      return;
    }
    const { session } = result.body as { session: { id: string } };
    router.push(`/sessions/${session.id}`);
  }

  return (
    <form data-testid="start-session-form" onSubmit={submit} className="flex flex-wrap items-center gap-2 text-xs">
      <input
        name="name"
        data-testid="start-session-name"
        aria-label="Session name"
        placeholder="Session name"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `start-session-error-${reviewId}` : undefined}
        maxLength={120}
        className={`${FIELD} w-56`}
      />
      <label className="flex items-center gap-1 text-slate-600">
        Sign-offs to close
        <input
          name="requiredSignoffs"
          data-testid="start-session-signoffs"
          type="number"
          min={1}
          max={10}
          defaultValue={1}
          required
          className={`${FIELD} w-14`}
        />
      </label>
      <button
        type="submit"
        data-testid="start-session-submit"
        disabled={pending}
        className="rounded-md bg-slate-800 px-2.5 py-1 font-medium text-white hover:bg-slate-700 disabled:opacity-50"
      >
        {pending ? 'Starting…' : 'Start audit session'}
      </button>
      {error && (
        <p id={`start-session-error-${reviewId}`} role="alert" data-testid="start-session-error" className="basis-full text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
