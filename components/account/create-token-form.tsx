'use client';

import { useActionState, useState } from 'react';
import { createTokenAction, type CreateTokenState } from '@/app/account/tokens/actions';
import { FieldError, fieldErrorProps, typedValue } from '@/components/admin/field-error';
import { ui } from '@/components/admin/styles';
import { DEFAULT_TOKEN_SCOPE, type TokenScope } from '@/lib/auth/token-scopes';

/** How each scope is offered. */
const SCOPE_LABELS: Record<TokenScope, string> = {
  read: 'read — read-only',
  review: 'review — sessions, verdicts, comments, new reviews',
  deploy: 'deploy — review and deploy',
  admin: 'admin — everything you may do',
};

/** The form's name, the prefix of its field error ids. */
const FORM = 'token';

/**
 * Creates an API token with one of `scopes` (read-only preselected) and shows its secret once, with a copy button; a
 * reload forgets it for good. A rejected field is marked and described.
 */
export function CreateTokenForm({ scopes }: { scopes: readonly TokenScope[] }) {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, { status: 'idle' });
  return (
    <div className="space-y-3">
      <form
        action={action}
        data-testid="create-token-form"
        className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200"
      >
        <div>
          <label className={ui.label}>
            Name
            <input
              name="name"
              required
              maxLength={32}
              defaultValue={typedValue(state, 'name')}
              placeholder="e.g. ci"
              className={ui.input}
              data-testid="token-name"
              {...fieldErrorProps(state, FORM, 'name')}
            />
          </label>
          <FieldError state={state} form={FORM} field="name" />
        </div>
        <div>
          <label className={ui.label}>
            Expires in days (empty: never)
            <input
              name="expiresInDays"
              type="number"
              min={1}
              max={365}
              defaultValue={typedValue(state, 'expiresInDays')}
              className={`${ui.input} w-32`}
              data-testid="token-expires"
              {...fieldErrorProps(state, FORM, 'expiresInDays')}
            />
          </label>
          <FieldError state={state} form={FORM} field="expiresInDays" />
        </div>
        <div>
          <label className={ui.label}>
            Scope
            <select
              name="scope"
              defaultValue={typedValue(state, 'scope') || DEFAULT_TOKEN_SCOPE}
              className={ui.input}
              data-testid="token-scope"
              {...fieldErrorProps(state, FORM, 'scope')}
            >
              {scopes.map((scope) => (
                <option key={scope} value={scope}>
                  {SCOPE_LABELS[scope]}
                </option>
              ))}
            </select>
          </label>
          <FieldError state={state} form={FORM} field="scope" />
        </div>
        <button type="submit" disabled={pending} className={ui.button} data-testid="token-create">
          {pending ? 'Creating…' : 'Create token'}
        </button>
      </form>
      {state.status === 'error' && (
        <p role="alert" className={ui.error}>
          {state.message}
        </p>
      )}
      {state.status === 'ok' && <NewToken key={state.at} name={state.name} token={state.token} />}
    </div>
  );
}

/** The secret of a token just created, its copy button and the warning that it is shown only now. */
function NewToken({ name, token }: { name: string; token: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(token);
    setCopied(true);
  }
  return (
    <div role="status" className="space-y-2 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200" data-testid="token-created">
      <p className="text-sm font-medium text-amber-900">
        Copy the token “{name}” now: it is shown only once and cannot be retrieved later.
      </p>
      <div className="flex items-center gap-2">
        <code
          className="select-all break-all rounded bg-white px-2 py-1 font-mono text-sm ring-1 ring-amber-200"
          data-testid="token-secret"
        >
          {token}
        </code>
        <button type="button" onClick={copy} className={ui.secondary} data-testid="token-copy">
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="text-xs text-amber-900">
        Use it as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>.
      </p>
    </div>
  );
}
