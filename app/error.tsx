'use client';

/** Route error boundary: an explained panel with a retry instead of a blank page. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div data-testid="page-error" role="alert" className="rounded-lg bg-red-50 px-4 py-3 ring-1 ring-inset ring-red-200">
      <h1 className="font-semibold text-red-800">Something went wrong</h1>
      <p className="mt-1 text-sm text-red-900">{error.message || 'Unexpected error.'}</p>
      {error.digest && <p className="mt-1 font-mono text-xs text-red-700">digest {error.digest}</p>}
      <button
        type="button"
        onClick={reset}
        className="mt-3 rounded-md bg-white px-3 py-1 text-sm font-medium text-red-800 ring-1 ring-red-300 hover:bg-red-100"
      >
        Try again
      </button>
    </div>
  );
}
