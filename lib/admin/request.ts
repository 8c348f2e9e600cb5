import type { z } from 'zod';
import { AppError } from '../errors';
import { readJsonBody as readJson } from '../audit/json-body';

const MAX_BODY_BYTES = 16 * 1024;

/** The request's JSON body validated by `schema`: 413 for a body over 16 KB (read no further), 400 for malformed JSON or invalid fields. */
export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readJson(req, MAX_BODY_BYTES));
  if (!parsed.success) throw new AppError('bad_request:input', 'Invalid request', { details: parsed.error.issues });
  return parsed.data;
}

/** The audit actor of a signed-in user. */
export function actorOf(user: { id: string; email: string }): { id: string; label: string } {
  return { id: user.id, label: user.email };
}
