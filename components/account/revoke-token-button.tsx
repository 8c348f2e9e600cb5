'use client';

import { useActionState } from 'react';
import { revokeTokenAction } from '@/app/account/tokens/actions';
import type { ActionState } from '@/lib/admin/action-state';
import { ui } from '@/components/admin/styles';

/** Revokes one of the signed-in user's tokens after a confirmation. */
export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(revokeTokenAction, { status: 'idle' });
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke the token “${name}”? Clients using it stop working.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className={ui.secondary} data-testid="token-revoke">
        {pending ? 'Revoking…' : 'Revoke'}
      </button>
      {state.status === 'error' && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
