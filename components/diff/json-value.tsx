/** Longest pretty-printed value shown before it is cut with "…" (full value one click away). */
export const VALUE_PREVIEW_CHARS = 480;
const VALUE_PREVIEW_LINES = 24;

/** Pretty JSON for a template value; `undefined` (absent) shows as an em dash. */
export function formatJson(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** The text cut to VALUE_PREVIEW_CHARS characters and a few lines, with "…" when anything was cut. */
export function previewText(text: string): { preview: string; truncated: boolean } {
  const lines = text.split('\n');
  let preview = lines.length > VALUE_PREVIEW_LINES ? lines.slice(0, VALUE_PREVIEW_LINES).join('\n') : text;
  if (preview.length > VALUE_PREVIEW_CHARS) preview = preview.slice(0, VALUE_PREVIEW_CHARS);
  const truncated = preview.length < text.length;
  return { preview: truncated ? `${preview}…` : preview, truncated };
}

const PRE = 'max-h-72 overflow-auto whitespace-pre-wrap break-all rounded px-2 py-1 font-mono text-xs leading-5';

/** A JSON value in a `<pre>`, truncated when long, with the full value in a nested `<details>`. */
export function JsonValue({ value, tone }: { value: unknown; tone: 'before' | 'after' }) {
  const text = formatJson(value);
  const { preview, truncated } = previewText(text);
  const colors =
    tone === 'before' ? 'bg-red-50/60 text-slate-800 ring-1 ring-red-100' : 'bg-emerald-50/60 text-slate-800 ring-1 ring-emerald-100';
  return (
    <div className="min-w-0">
      <pre tabIndex={0} className={`${PRE} ${colors}`}>
        {preview}
      </pre>
      {truncated && (
        <details className="mt-1">
          <summary className="text-xs text-sky-700 hover:underline">
            Show full value ({text.length.toLocaleString('en-US')} characters)
          </summary>
          <pre tabIndex={0} className={`${PRE} mt-1 max-h-[32rem] ${colors}`}>
            {text}
          </pre>
        </details>
      )}
    </div>
  );
}
