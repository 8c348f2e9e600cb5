import { ZodError } from 'zod';
import { AppError, toAppError, zodErrorMessage } from '../errors';

/** Wraps a route handler: AppErrors become their status, ZodErrors 400 (`bad_request:input`, saying what is wrong, with the issues), anything else an undetailed 500 (logged). */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (error instanceof ZodError) {
        return new AppError('bad_request:input', `Invalid request: ${zodErrorMessage(error)}`, { details: error.issues }).toResponse();
      }
      const appError = toAppError(error);
      if (appError.status >= 500) console.error(error);
      return appError.toResponse();
    }
  };
}
