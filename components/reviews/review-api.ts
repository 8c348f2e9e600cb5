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
