'use client';

import { useState, type FormEvent } from 'react';

/** The error message's id, which the inputs name in `aria-describedby` after wrong credentials. */
const ERROR_ID = 'sign-in-error';
const INPUT = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:outline-none';

/** The sign-in form: posts to better-auth (which rate-limits it), then loads `next`; explains wrong credentials and lockouts. */
export function SignInForm({ next, sso }: { next: string; sso: boolean }) {
  const [error, setError] = useState<SignInError | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const response = await postJson('/api/auth/sign-in/email', { email: form.get('email'), password: form.get('password') });
    if (response?.ok) return window.location.assign(next);
    setPending(false);
    setError(errorFor(response));
  }

  async function onSso() {
    setPending(true);
    const response = await postJson('/api/auth/sign-in/oauth2', { providerId: 'oidc', callbackURL: next, errorCallbackURL: '/sign-in' });
    const body = response?.ok ? ((await response.json()) as { url?: string }) : {};
    if (body.url) return window.location.assign(body.url);
    setPending(false);
    setError(errorFor(response));
  }

  // Wrong credentials are the fields' fault: both are marked invalid and described by the message.
  const invalid = error?.credentials ? ({ 'aria-invalid': true, 'aria-describedby': ERROR_ID } as const) : {};
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-3" data-testid="sign-in-form">
        <label className="block text-sm text-slate-700">
          Email
          <input name="email" type="email" autoComplete="username" required className={INPUT} data-testid="sign-in-email" {...invalid} />
        </label>
        <label className="block text-sm text-slate-700">
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className={INPUT}
            data-testid="sign-in-password"
            {...invalid}
          />
        </label>
        {error && (
          <p
            id={ERROR_ID}
            role="alert"
            data-testid="sign-in-error"
            className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 ring-1 ring-red-200"
          >
            {error.message}
          </p>
        )}
        <button
          type="submit"
          disabled={pending}
          data-testid="sign-in-submit"
          className="w-full rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
        >
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {sso && (
        <button
          type="button"
          onClick={onSso}
          disabled={pending}
          data-testid="sign-in-sso"
          className="w-full rounded-md px-3 py-2 text-sm font-medium text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-60"
        >
          Sign in with single sign-on
        </button>
      )}
    </div>
  );
}

async function postJson(url: string, body: unknown): Promise<Response | null> {
  try {
    return await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    return null;
  }
}

/** A failed attempt: what to tell the user, and whether the email and password were at fault (not a lockout or outage). */
type SignInError = { message: string; credentials: boolean };

/** What to tell the user about a failed attempt (never which of email or password was wrong). */
function errorFor(response: Response | null): SignInError {
  if (!response) return { message: 'The server could not be reached. Try again.', credentials: false };
  if (response.status === 429) {
    const seconds = Number(response.headers.get('x-retry-after'));
    const wait = Number.isFinite(seconds) && seconds > 0 ? `${seconds} seconds` : 'a minute';
    return { message: `Too many sign-in attempts. Try again in ${wait}.`, credentials: false };
  }
  if (response.status === 401 || response.status === 400) return { message: 'Wrong email or password.', credentials: true };
  return { message: 'Sign-in failed. Try again.', credentials: false };
}
