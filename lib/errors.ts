import type { ZodError } from 'zod';

/** The one error type of infra-review: a code that maps to an HTTP status and to a CLI exit code. */
export type AppErrorCode =
  | 'bad_request:input'
  | 'unauthorized:auth'
  | 'forbidden:auth'
  | 'unprocessable:template'
  | 'unprocessable:synthesis'
  | 'unprocessable:deploy'
  | 'not_found:review'
  | 'not_found:file'
  | 'not_found:user'
  | 'not_found:token'
  | 'not_found:session'
  | 'not_found:finding'
  | 'not_found:stack'
  | 'not_found:deploy'
  | 'not_found:endpoint'
  | 'conflict:state'
  | 'conflict:closed'
  | 'conflict:deploy'
  | 'payload_too_large:body'
  | 'unavailable:aws'
  | 'internal:unexpected';

const STATUS: Record<AppErrorCode, number> = {
  'bad_request:input': 400,
  'unauthorized:auth': 401,
  'forbidden:auth': 403,
  'unprocessable:template': 422,
  'unprocessable:synthesis': 422,
  'unprocessable:deploy': 422,
  'not_found:review': 404,
  'not_found:file': 404,
  'not_found:user': 404,
  'not_found:token': 404,
  'not_found:session': 404,
  'not_found:finding': 404,
  'not_found:stack': 404,
  'not_found:deploy': 404,
  'not_found:endpoint': 404,
  'conflict:state': 409,
  'conflict:closed': 409,
  'conflict:deploy': 409,
  'payload_too_large:body': 413,
  'unavailable:aws': 502,
  'internal:unexpected': 500,
};

/** An error whose message is safe to show to the user; `status` follows from `code`. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: unknown;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown; details?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options?.details;
  }

  /** HTTP status for this error's code. */
  get status(): number {
    return STATUS[this.code];
  }

  /** A JSON body `{error:{code,message,details?}}` with the mapped status. */
  toResponse(): Response {
    const body: Record<string, unknown> = { code: this.code, message: this.message };
    if (this.details !== undefined) body.details = this.details;
    return Response.json({ error: body }, { status: this.status });
  }
}

/** Turns anything thrown into an AppError; unknown errors become an undetailed 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('internal:unexpected', 'Unexpected error', { cause: error });
}

/**
 * Invalid input as one line a person can act on: each issue as `<where>: <message>`, joined by '; '. `where` is the
 * issue's path, or what `name` makes of it (the CLI names its options); the whole value is `input`.
 */
export function zodErrorMessage(error: Pick<ZodError, 'issues'>, name: (path: string) => string = (path) => path || 'input'): string {
  return error.issues.map((issue) => `${name(issue.path.map(String).join('.'))}: ${issue.message}`).join('; ');
}
