/** Liveness: always 200 while the server runs; no sign-in needed. */
export function GET() {
  return Response.json({ status: 'ok', time: new Date().toISOString() });
}
