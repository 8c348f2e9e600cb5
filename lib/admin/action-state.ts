import { ZodError } from 'zod';
import { AppError, zodErrorMessage } from '../errors';

/** What a form shows after its server action ran: nothing yet, an error to show, or success with data. */
export type ActionState<T extends object = object> =
  { status: 'idle' } | { status: 'error'; message: string; at: number } | ({ status: 'ok'; at: number } & T);

/** Runs an action's work and turns its outcome into a state: AppErrors below 500 and invalid input are shown, anything else logged. */
export async function runAction<T extends object>(work: () => Promise<T>): Promise<ActionState<T>> {
  try {
    return { status: 'ok', at: Date.now(), ...(await work()) };
  } catch (error) {
    if (error instanceof ZodError) return { status: 'error', at: Date.now(), message: zodErrorMessage(error) };
    if (error instanceof AppError && error.status < 500) return { status: 'error', at: Date.now(), message: error.message };
    console.error(error);
    return { status: 'error', at: Date.now(), message: 'Something went wrong. Try again.' };
  }
}
