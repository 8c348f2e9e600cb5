/**
 * True when the request's `Origin` (else `Referer`) is the app's origin: `appOrigin` when configured, else the origin
 * the browser addressed (its Host header; a cross-site page cannot choose the Host its victim's browser sends).
 * Free of the auth library, so proxy.ts can use the very rule the API routes use.
 */
export function isSameOrigin(req: Pick<Request, 'headers' | 'url'>, appOrigin?: string): boolean {
  const claimed = originOf(req.headers.get('origin')) ?? originOf(req.headers.get('referer'));
  if (!claimed) return false;
  if (appOrigin) return claimed.origin === new URL(appOrigin).origin;
  const host = req.headers.get('host') ?? new URL(req.url).host;
  return claimed.host === host;
}

function originOf(value: string | null): URL | undefined {
  if (!value || value === 'null') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
