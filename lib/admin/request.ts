import type { z } from 'zod';
import { AppError } from '../errors';

const MAX_BODY_BYTES = 16 * 1024;

/** The request's JSON body validated by `schema`: 400 for a body over 16 KB (read no further), malformed JSON or invalid fields. */
export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = JSON.parse(await readCapped(req, MAX_BODY_BYTES));
  } catch (error) {
    if (error instanceof AppError) throw error;
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

/** The body as text, refusing (without reading on) once it passes `maxBytes`, whatever Content-Length claims. */
async function readCapped(req: Request, maxBytes: number): Promise<string> {
  const tooLarge = new AppError('bad_request:input', `Body over ${maxBytes} bytes`);
  if (Number(req.headers.get('content-length')) > maxBytes) throw tooLarge;
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge;
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
