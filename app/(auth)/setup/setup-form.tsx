'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import { setupAction, type SetupState } from './actions';

const FIELDS = [
  { name: 'name', label: 'Name', type: 'text', autoComplete: 'name' },
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'username' },
  { name: 'password', label: 'Password (12 characters or more)', type: 'password', autoComplete: 'new-password' },
  { name: 'confirm', label: 'Repeat the password', type: 'password', autoComplete: 'new-password' },
] as const;

/** The first-admin form, rendering the action's field errors tied to their inputs; what was typed stays on an error. */
export function SetupForm() {
  const [state, action, pending] = useActionState<SetupState, FormData>(setupAction, { status: 'idle' });
  // A form `action` resets every field once it ran; submitting through a transition keeps what was typed (no-JS still posts).
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <form action={action} onSubmit={submit} className="space-y-3" data-testid="setup-form">
      {FIELDS.map((field) => {
        const error = state.status === 'invalid' ? state.errors[field.name] : undefined;
        return (
          <label key={field.name} className="block text-sm text-slate-700">
            {field.label}
            <input
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `setup-${field.name}-error` : undefined}
              data-testid={`setup-${field.name}`}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:outline-none"
            />
            {error && (
              <span id={`setup-${field.name}-error`} data-testid={`setup-${field.name}-error`} className="mt-1 block text-xs text-red-700">
                {error}
              </span>
            )}
          </label>
        );
      })}
      {state.status === 'error' && (
        <p role="alert" data-testid="setup-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 ring-1 ring-red-200">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        data-testid="setup-submit"
        className="w-full rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
      >
        {pending ? 'Creating…' : 'Create admin account'}
      </button>
    </form>
  );
}
