import { ZodError } from 'zod';
import { AppError, zodErrorMessage } from '../errors';

/** Per-field messages of a rejected form: the top-level field's name, and the first thing wrong with it. */
export type FieldErrors = Record<string, string>;

/**
 * What a form shows after its server action ran: nothing yet, an error to show (with `fields` naming the inputs at
 * fault, when known, and `values` holding what was typed, so the form can show it again), or success with data.
 */
export type ActionState<T extends object = object> =
  | { status: 'idle' }
  | { status: 'error'; message: string; fields?: FieldErrors; values?: Record<string, string>; at: number }
  | ({ status: 'ok'; at: number } & T);

/** The submitted form and which of its fields a rejected submit hands back as typed (never a password). */
type Echo = { form: FormData; keep: readonly string[] };

/**
 * Runs an action's work and turns its outcome into a state: AppErrors below 500 and invalid input are shown (with the
 * `echo` fields as typed), anything else logged.
 */
export async function runAction<T extends object>(work: () => Promise<T>, echo?: Echo): Promise<ActionState<T>> {
  try {
    return { status: 'ok', at: Date.now(), ...(await work()) };
  } catch (error) {
    const values = echo && Object.fromEntries(echo.keep.map((name) => [name, String(echo.form.get(name) ?? '')]));
    const rejected = { status: 'error', at: Date.now(), ...(values && { values }) } as const;
    if (error instanceof ZodError) return { ...rejected, message: zodErrorMessage(error), ...withFields(error.issues) };
    if (error instanceof AppError && error.status < 500) return { ...rejected, message: error.message, ...withFields(error.details) };
    console.error(error);
    return { ...rejected, message: 'Something went wrong. Try again.' };
  }
}

/**
 * The first message for each top-level field named by zod-style issues (`[{ path, message }]`, what ZodError.issues
 * and the `details` of input AppErrors hold); issues about the whole input, and details of another shape, name none.
 */
export function fieldErrorsOf(issues: unknown): FieldErrors {
  const fields: FieldErrors = {};
  if (!Array.isArray(issues)) return fields;
  for (const issue of issues as Array<{ path?: unknown; message?: unknown }>) {
    const field = Array.isArray(issue?.path) ? issue.path[0] : undefined;
    if (typeof field === 'string' && typeof issue.message === 'string') fields[field] ??= issue.message;
  }
  return fields;
}

/** `{ fields }` when any field is named, else nothing, so states without field errors stay as they were. */
function withFields(issues: unknown): { fields?: FieldErrors } {
  const fields = fieldErrorsOf(issues);
  return Object.keys(fields).length > 0 ? { fields } : {};
}
