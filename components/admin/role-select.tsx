'use client';

import { useActionState, useId } from 'react';
import { setRoleAction } from '@/app/admin/users/actions';
import type { ActionState } from '@/lib/admin/action-state';
import { ROLES, type Role } from '@/lib/auth/roles';

/** A user's role, changed as soon as another is picked; a refused change (the last admin) snaps back and the select is described by why. */
export function RoleSelect({ userId, role, email }: { userId: string; role: Role; email: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setRoleAction, { status: 'idle' });
  const errorId = useId();
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={userId} />
      <select
        // Re-keyed after each outcome so the select shows the role the server holds.
        key={`${role}:${state.status === 'idle' ? 0 : state.at}`}
        name="role"
        defaultValue={role}
        disabled={pending}
        aria-label={`Role of ${email}`}
        aria-invalid={state.status === 'error' || undefined}
        aria-describedby={state.status === 'error' ? errorId : undefined}
        data-testid="user-role-select"
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-md border border-slate-300 px-2 py-1 text-sm"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {state.status === 'error' && (
        <span id={errorId} role="alert" data-testid="user-role-error" className="text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
