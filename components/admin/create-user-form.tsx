'use client';

import { useActionState } from 'react';
import { createUserAction, type CreateUserState } from '@/app/admin/users/actions';
import { ROLES } from '@/lib/auth/roles';
import { FieldError, fieldErrorProps, typedValue } from './field-error';
import { ui } from './styles';

/** The form's name, the prefix of its field error ids. */
const FORM = 'create-user';

/** Adds a user; shows a generated password once, right after creation; a rejected field is marked and described. */
export function CreateUserForm() {
  const [state, action, pending] = useActionState<CreateUserState, FormData>(createUserAction, { status: 'idle' });
  return (
    <form
      action={action}
      data-testid="create-user-form"
      className="grid gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-5 sm:items-end"
    >
      <div>
        <label className={ui.label}>
          Email
          <input
            name="email"
            type="email"
            required
            defaultValue={typedValue(state, 'email')}
            className={ui.input}
            data-testid="create-user-email"
            {...fieldErrorProps(state, FORM, 'email')}
          />
        </label>
        <FieldError state={state} form={FORM} field="email" />
      </div>
      <div>
        <label className={ui.label}>
          Name
          <input
            name="name"
            required
            defaultValue={typedValue(state, 'name')}
            className={ui.input}
            data-testid="create-user-name"
            {...fieldErrorProps(state, FORM, 'name')}
          />
        </label>
        <FieldError state={state} form={FORM} field="name" />
      </div>
      <div>
        <label className={ui.label}>
          Role
          <select
            name="role"
            defaultValue={typedValue(state, 'role') ?? 'viewer'}
            className={ui.input}
            data-testid="create-user-role"
            {...fieldErrorProps(state, FORM, 'role')}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <FieldError state={state} form={FORM} field="role" />
      </div>
      <div>
        <label className={ui.label}>
          Password (empty: generate)
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={12}
            className={ui.input}
            {...fieldErrorProps(state, FORM, 'password')}
          />
        </label>
        <FieldError state={state} form={FORM} field="password" />
      </div>
      <button type="submit" disabled={pending} className={ui.button} data-testid="create-user-submit">
        {pending ? 'Adding…' : 'Add user'}
      </button>
      {state.status === 'error' && (
        <p role="alert" className={`${ui.error} sm:col-span-5`}>
          {state.message}
        </p>
      )}
      {state.status === 'ok' && (
        <p role="status" className={`${ui.success} sm:col-span-5`} data-testid="create-user-done">
          Added {state.email}.
          {state.password && (
            <>
              {' '}
              Password, shown only now:{' '}
              <code className="select-all font-mono" data-testid="created-password">
                {state.password}
              </code>
            </>
          )}
        </p>
      )}
    </form>
  );
}
