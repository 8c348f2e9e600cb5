import type { z } from 'zod';
import { AppError } from '../errors';

const MAX_BODY_BYTES = 16 * 1024;

/** The request's JSON body validated by `schema`: 400 for a body over 16 KB, malformed JSON or invalid fields. */
export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const text = await req.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) throw new AppError('bad_request:input', `Body over ${MAX_BODY_BYTES} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('bad_request:input', 'Body is not valid JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError('bad_request:input', 'Invalid request', { details: parsed.error.issues });
  return parsed.data;
}

/** The audit actor of a signed-in user. */
export function actorOf(user: { id: string; email: string }): { id: string; label: string } {
  return { id: user.id, label: user.email };
}
