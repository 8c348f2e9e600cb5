/** A same-site path to return to after sign-in; anything else (absolute URLs, `//host`, backslashes) becomes `/`. */
export function safeNext(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  return next;
}
