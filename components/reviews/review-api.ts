/** The outcome of a request to the reviews API: the body, or a message to show (zod field errors by field path). */
export type ReviewApiResult = { ok: true; body: unknown } | { ok: false; status: number; message: string; fields: Record<string, string> };

/** Sends a JSON request to the reviews API from the browser and explains a failure in words. */
export async function sendReviewRequest(method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<ReviewApiResult> {
  try {
    const response = await fetch(url, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const payload = (await response.json().catch(() => null)) as { error?: { message?: string; details?: unknown } } | null;
    if (response.ok) return { ok: true, body: payload };
    return {
      ok: false,
      status: response.status,
      message: payload?.error?.message ?? `Request failed (HTTP ${response.status})`,
      fields: fieldErrors(payload?.error?.details),
    };
  } catch {
    return { ok: false, status: 0, message: 'Network error: the server could not be reached.', fields: {} };
  }
}

/** zod issues (`[{path, message}]`) as one message per top-level field. */
export function fieldErrors(details: unknown): Record<string, string> {
  if (!Array.isArray(details)) return {};
  const fields: Record<string, string> = {};
  for (const issue of details as { path?: unknown[]; message?: string }[]) {
    const key = String(issue.path?.[0] ?? '');
    if (key && issue.message && !fields[key]) fields[key] = issue.message;
  }
  return fields;
}

/** A streamed creation's line (lib/reviews/create-stream). */
type ProgressLine = { phase: string; review?: unknown; error?: { message: string } };

/**
 * POSTs a new review asking for its progress as NDJSON, reports each phase, and resolves with the created review's
 * summary; invalid input comes back as a plain 4xx with field errors.
 */
export async function createReviewWithProgress(body: unknown, onPhase: (phase: string) => void): Promise<ReviewApiResult> {
  let response: Response;
  try {
    response = await fetch('/api/reviews', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: 'Network error: the server could not be reached.', fields: {} };
  }
  if (!response.ok || !response.body) {
    const payload = (await response.json().catch(() => null)) as { error?: { message?: string; details?: unknown } } | null;
    return {
      ok: false,
      status: response.status,
      message: payload?.error?.message ?? `Request failed (HTTP ${response.status})`,
      fields: fieldErrors(payload?.error?.details),
    };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffered += value ?? '';
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const text of lines.filter(Boolean)) {
      const line = JSON.parse(text) as ProgressLine;
      if (line.phase === 'done') return { ok: true, body: { review: line.review } };
      if (line.phase === 'error')
        return { ok: false, status: 500, message: line.error?.message ?? 'The review could not be created.', fields: {} };
      onPhase(line.phase);
    }
    if (done) return { ok: false, status: 0, message: 'The server stopped before the review was analyzed.', fields: {} };
  }
}
