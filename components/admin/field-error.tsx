import type { ActionState } from '@/lib/admin/action-state';

/** The id of a field's error message, which its input names in `aria-describedby`. */
function errorId(form: string, field: string): string {
  return `${form}-${field}-error`;
}

/** The message for one field of a rejected submit, if the server named that field. */
function messageOf(state: ActionState<object>, field: string): string | undefined {
  return state.status === 'error' ? state.fields?.[field] : undefined;
}

/** What was typed into a field before a rejected submit, to show again (React resets the form after its action). */
export function typedValue(state: ActionState<object>, field: string): string | undefined {
  return state.status === 'error' ? state.values?.[field] : undefined;
}

/** Props that tie an input to its error message after a rejected submit (`aria-invalid`, `aria-describedby`); none otherwise. */
export function fieldErrorProps(state: ActionState<object>, form: string, field: string) {
  return messageOf(state, field) ? { 'aria-invalid': true, 'aria-describedby': errorId(form, field) } : {};
}

/** A field's error message under its input, with the id the input points at; nothing while the field is fine. */
export function FieldError({ state, form, field }: { state: ActionState<object>; form: string; field: string }) {
  const message = messageOf(state, field);
  if (!message) return null;
  return (
    <span id={errorId(form, field)} data-testid={errorId(form, field)} className="mt-1 block text-xs font-normal text-red-700">
      {message}
    </span>
  );
}
