/** The 403 page shown to a signed-in user whose role may not see a page. */
export function Forbidden({ role = 'admin' }: { role?: string }) {
  return (
    <div
      data-testid="forbidden"
      role="alert"
      className="mx-auto mt-12 max-w-md rounded-lg bg-amber-50 px-4 py-3 ring-1 ring-inset ring-amber-200"
    >
      <h1 className="font-semibold text-amber-900">403 · Forbidden</h1>
      <p className="mt-1 text-sm text-amber-900">This page needs the {role} role. Ask an admin if you need access.</p>
    </div>
  );
}
