import Link from 'next/link';

/** The 403 page (`forbidden()`, HTTP 403) shown to a signed-in user whose role may not see a page. */
export default function Forbidden() {
  return (
    <div
      data-testid="forbidden"
      role="alert"
      className="mx-auto mt-12 max-w-md rounded-lg bg-amber-50 px-4 py-3 ring-1 ring-inset ring-amber-200"
    >
      <h1 className="font-semibold text-amber-900">403 · Forbidden</h1>
      <p className="mt-1 text-sm text-amber-900">Your role may not see this page. Ask an admin if you need access.</p>
      <Link href="/" prefetch={false} className="mt-2 inline-block text-sm font-medium text-amber-900 underline">
        Back to the review
      </Link>
    </div>
  );
}
