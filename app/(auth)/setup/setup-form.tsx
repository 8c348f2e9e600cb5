'use client';

import { useActionState } from 'react';
import { setupAction, type SetupState } from './actions';

const FIELDS = [
  { name: 'name', label: 'Name', type: 'text', autoComplete: 'name' },
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'username' },
  { name: 'password', label: 'Password (12 characters or more)', type: 'password', autoComplete: 'new-password' },
  { name: 'confirm', label: 'Repeat the password', type: 'password', autoComplete: 'new-password' },
] as const;

/** The first-admin form, rendering the action's field errors. */
export function SetupForm() {
  const [state, action, pending] = useActionState<SetupState, FormData>(setupAction, { status: 'idle' });
  return (
    <form action={action} className="space-y-3" data-testid="setup-form">
      {FIELDS.map((field) => (
        <label key={field.name} className="block text-sm text-slate-700">
          {field.label}
          <input
            name={field.name}
            type={field.type}
            autoComplete={field.autoComplete}
            required
            data-testid={`setup-${field.name}`}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:outline-none"
          />
          {state.status === 'invalid' && state.errors[field.name] && (
            <span className="mt-1 block text-xs text-red-700">{state.errors[field.name]}</span>
          )}
        </label>
      ))}
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
