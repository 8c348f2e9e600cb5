import type { SessionView } from './types';

/** The outcome of a mutation: ok, or the server's error message (401/403/409/422 explained). */
export type MutationResult = { ok: true; body: unknown } | { ok: false; status: number; message: string; fields?: Record<string, string> };

/** Sends a JSON request to the app's API from the browser (same origin, so cookies and Origin go along). */
export async function sendJson(method: 'POST' | 'PUT', url: string, body: unknown): Promise<MutationResult> {
  try {
    const response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const payload = await response.json().catch(() => null);
    if (response.ok) return { ok: true, body: payload };
    const error = (payload as { error?: { message?: string; details?: unknown } } | null)?.error;
    const message = error?.message ?? `Request failed (${response.status})`;
    return { ok: false, status: response.status, message, ...fieldsOf(error?.details) };
  } catch {
    return { ok: false, status: 0, message: 'Network error: the server could not be reached.' };
  }
}

/** A 400's input issues (zod's `{path, message}`) by top-level field, first issue per field; none when there are none. */
function fieldsOf(details: unknown): { fields?: Record<string, string> } {
  if (!Array.isArray(details)) return {};
  const fields: Record<string, string> = {};
  for (const issue of details as { path?: unknown[]; message?: string }[]) {
    const field = issue.path?.[0];
    if ((typeof field === 'string' || typeof field === 'number') && issue.message) fields[String(field)] ??= issue.message;
  }
  return Object.keys(fields).length ? { fields } : {};
}

/** The session's current view, or null when it cannot be loaded. */
export async function fetchSessionView(sessionId: string): Promise<SessionView | null> {
  const response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}`, { cache: 'no-store' }).catch(() => null);
  return response?.ok ? ((await response.json()) as SessionView) : null;
}

/** The URL of a session's API, optionally a sub-path (`findings/<key>/verdict`). */
export function sessionUrl(sessionId: string, ...parts: string[]): string {
  return ['/api/sessions', sessionId, ...parts].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
}

/** Sets my one verdict on many findings in one all-or-nothing call (a rule's or a category's findings). */
export function sendBulkVerdict(sessionId: string, keys: readonly string[], verdict: string): Promise<MutationResult> {
  return sendJson('PUT', sessionUrl(sessionId, 'verdicts'), { keys, verdict });
}
