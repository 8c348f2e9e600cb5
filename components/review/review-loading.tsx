/** Shown while a review runs (the first run synthesizes the CDK apps, several seconds); a Suspense fallback, below the page's 404 check. */
export function ReviewLoading() {
  return (
    <div data-testid="review-loading" role="status" aria-live="polite" className="space-y-4">
      <p className="text-sm text-slate-600">Running the review — the first run synthesizes the CDK apps, which takes a few seconds…</p>
      <div className="grid gap-3 md:grid-cols-2">
        {[0, 1].map((i) => (
          <div key={i} className="h-28 animate-pulse rounded-lg bg-slate-200/70" />
        ))}
      </div>
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-16 animate-pulse rounded-lg bg-slate-200/50" />
      ))}
    </div>
  );
}
