import { EXPORT_FORMATS, type ExportFormat } from '@/lib/report/export';

const LABELS: Record<ExportFormat, string> = { sarif: 'SARIF', junit: 'JUnit XML', md: 'MODEL_FAILURES.md', json: 'JSON' };

/** Download links for a review's exports (`export-sarif`, `export-junit`, ...), served by GET /api/reviews/{id}/export. */
export function ExportLinks({ reviewId }: { reviewId: string }) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
      <span>Export:</span>
      {EXPORT_FORMATS.map((format) => (
        <a
          key={format}
          data-testid={`export-${format}`}
          href={`/api/reviews/${encodeURIComponent(reviewId)}/export?format=${format}`}
          download
          className="rounded-md px-2 py-1 text-slate-700 ring-1 ring-slate-200 hover:bg-white hover:text-slate-900"
        >
          {LABELS[format]}
        </a>
      ))}
    </p>
  );
}
