import type { NestedChange } from '@/lib/diff/types';
import { formatJson } from './json-value';

const NESTED_MARKERS: Readonly<Record<NestedChange['change'], { marker: string; text: string }>> = {
  added: { marker: '[+]', text: 'text-emerald-700' },
  removed: { marker: '[-]', text: 'text-red-700' },
  updated: { marker: '[~]', text: 'text-amber-700' },
};

/** The changes inside an updated object or array, one indented line each with its `[+]`/`[-]`/`[~]` marker, as `cdk diff` prints them. */
export function NestedChangeList({ changes }: { changes: readonly NestedChange[] }) {
  return (
    <ul data-testid="diff-nested" className="space-y-0.5 rounded bg-white px-2 py-1.5 font-mono text-xs leading-5 ring-1 ring-slate-200">
      {changes.map((change, i) => {
        const style = NESTED_MARKERS[change.change];
        return (
          <li
            key={i}
            data-testid="diff-nested-line"
            data-change={change.change}
            data-path={change.path}
            className="break-all whitespace-pre-wrap"
            style={{ paddingLeft: `${change.depth * 1.25}rem` }}
          >
            <span className={`font-semibold ${style.text}`}>{style.marker}</span>{' '}
            <span className="text-slate-700">{leafName(change.path)}</span>
            <NestedValues change={change} />
          </li>
        );
      })}
    </ul>
  );
}

function NestedValues({ change }: { change: NestedChange }) {
  if (change.change === 'added') return <span className="text-emerald-800">: {oneLine(change.after)}</span>;
  if (change.change === 'removed') return <span className="text-red-800">: {oneLine(change.before)}</span>;
  if (change.before === undefined && change.after === undefined) return null;
  return (
    <>
      : <span className="text-red-800">{oneLine(change.before)}</span> → <span className="text-emerald-800">{oneLine(change.after)}</span>
    </>
  );
}

/** The last step of a nested path (`Rules[0].Status` → `.Status`, `[1]`), since the indentation shows the rest. */
function leafName(path: string): string {
  const match = /(\[\d+\]|[^.[\]]+)$/.exec(path);
  return match ? match[1] : path;
}

function oneLine(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : formatJson(value).replace(/\s*\n\s*/g, ' ');
}
