import { CHANGE_MARKERS } from '@/lib/diff/markers';
import type { NestedChange } from '@/lib/diff/types';
import { formatJson, JsonValue } from './json-value';

/** Tailwind classes of each kind of change (marker, name, line background), the one place diff colors are chosen. */
export const CHANGE_STYLES: Readonly<Record<NestedChange['change'], { marker: string; line: string; label: string }>> = {
  added: { marker: 'text-emerald-700', line: 'bg-emerald-50/70', label: 'added' },
  removed: { marker: 'text-red-700', line: 'bg-red-50/70', label: 'removed' },
  updated: { marker: 'text-amber-800', line: 'bg-amber-50/60', label: 'updated' },
};

/** Characters of a string value shown inline on its line; longer ones get blocks of their own. */
const LONG_VALUE_CHARS = 120;
/** Lines drawn before the rest of a long list is folded behind "show more". */
const SHOWN_LINES = 80;

/** Changes inside an object or array, one indented line each with its `[+]`/`[-]`/`[~]` marker, as `cdk diff` prints them. */
export function NestedChangeList({ changes }: { changes: readonly NestedChange[] }) {
  const shown = changes.slice(0, SHOWN_LINES);
  const folded = changes.slice(SHOWN_LINES);
  return (
    <div data-testid="diff-nested" className="overflow-hidden rounded bg-white py-1 font-mono text-xs leading-5 ring-1 ring-slate-200">
      <NestedLines changes={shown} />
      {folded.length > 0 && (
        <details>
          <summary className="px-2 text-sky-700 hover:underline">Show {folded.length} more lines</summary>
          <NestedLines changes={folded} />
        </details>
      )}
    </div>
  );
}

function NestedLines({ changes }: { changes: readonly NestedChange[] }) {
  return (
    <ul>
      {changes.map((change, i) => {
        const style = CHANGE_STYLES[change.change];
        return (
          <li
            key={i}
            data-testid="diff-nested-line"
            data-change={change.change}
            data-path={change.path}
            className={`px-2 break-all whitespace-pre-wrap ${style.line}`}
            style={{ paddingLeft: `${0.5 + change.depth * 1.25}rem` }}
          >
            <span className={`font-semibold ${style.marker}`}>{CHANGE_MARKERS[change.change]}</span>{' '}
            <span className="text-slate-800">{leafName(change.path)}</span>
            <NestedValues change={change} />
          </li>
        );
      })}
    </ul>
  );
}

function NestedValues({ change }: { change: NestedChange }) {
  if (change.change === 'added') return 'after' in change ? <span className="text-emerald-900">: {oneLine(change.after)}</span> : null;
  if (change.change === 'removed') return 'before' in change ? <span className="text-red-900">: {oneLine(change.before)}</span> : null;
  if (change.before === undefined && change.after === undefined) return null;
  if (isLong(change.before) || isLong(change.after)) {
    // Long text (inline code, policies as strings) reads as two blocks, not one struck-through line.
    return (
      <div className="mt-1 grid gap-1 pr-2 sm:grid-cols-2">
        <JsonValue value={change.before} tone="before" />
        <JsonValue value={change.after} tone="after" />
      </div>
    );
  }
  return (
    <>
      : <span className="text-red-900 line-through decoration-red-300">{oneLine(change.before)}</span> →{' '}
      <span className="text-emerald-900">{oneLine(change.after)}</span>
    </>
  );
}

/** The last step of a nested path (`Rules[0].Status` → `Status`, `[1]`), since the indentation shows the rest. */
function leafName(path: string): string {
  const match = /(\[\d+\]|[^.[\]]+)$/.exec(path);
  return match ? match[1] : path;
}

/** A value too long to read inline: multi-line text or more than a line's worth of characters. */
function isLong(value: unknown): boolean {
  return typeof value === 'string' && (value.includes('\n') || value.length > LONG_VALUE_CHARS);
}

function oneLine(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : formatJson(value).replace(/\s*\n\s*/g, ' ');
}
