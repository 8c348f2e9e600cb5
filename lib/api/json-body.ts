import { AppError } from '../errors';
import { formatBytes } from '../limits/limits';

/** Largest request body the session API reads. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Largest request body the admin, settings and token routes read. */
export const ADMIN_MAX_BODY_BYTES = 16 * 1024;

/**
 * The request's JSON body, read at most `maxBytes` far (`payload_too_large:body` beyond, whatever Content-Length
 * claims); `undefined` for an empty body; `bad_request:input` when it is not UTF-8 or not JSON.
 */
export async function readJsonBody(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readText(req, maxBytes);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request:input', 'The request body is not valid JSON');
  }
}

async function readText(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    // JSON is UTF-8 (RFC 8259); decoding leniently would store U+FFFD in place of what the client meant.
    throw new AppError('bad_request:input', 'The request body is not valid UTF-8');
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large:body', `The request body exceeds ${formatBytes(maxBytes)}`);
}
