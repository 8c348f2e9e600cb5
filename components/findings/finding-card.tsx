import type { ReactNode } from 'react';
import type { Side } from '@/lib/pipeline/types';

/**
 * A native `<details>` card for a finding or a group of them: framed for its side, dimmed when `dimmed`,
 * its summary a wrapping row after a chevron that turns when open. `outer` cards (groups) name their Tailwind group
 * so the chevrons of the findings inside them turn on their own.
 */
export function FindingCard({
  id,
  side,
  dimmed,
  outer = false,
  data,
  summary,
  children,
}: {
  /** The element id that links point at. */
  id?: string;
  side: Side;
  dimmed: boolean;
  outer?: boolean;
  /** `data-*` attributes (data-testid included) that tests and styles select on. */
  data: Record<`data-${string}`, string | number>;
  summary: ReactNode;
  children: ReactNode;
}) {
  // Dimmed cards look like the reference's, flat and grey, rather than faded: opacity took their text below 4.5:1.
  const frame = side === 'model' && !dimmed ? 'bg-white ring-slate-200 shadow-xs' : 'bg-slate-50 ring-slate-200/70';
  return (
    <details id={id} {...data} className={`${outer ? 'group/outer' : 'group'} scroll-mt-16 rounded-lg ring-1 ${frame}`}>
      <summary className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg px-3 py-2 hover:bg-slate-50">
        <span
          aria-hidden
          className={`text-slate-400 transition-transform ${outer ? 'group-open/outer:rotate-90' : 'group-open:rotate-90'}`}
        >
          ›
        </span>
        {summary}
      </summary>
      {children}
    </details>
  );
}

/** A rule id and its title for a summary row, stronger on the model side; test ids `<prefix>-rule` and `<prefix>-title`. */
export function RuleAndTitle({
  rule,
  title,
  side,
  prefix,
}: {
  rule: string;
  title: string;
  side: Side;
  prefix: 'finding' | 'finding-group';
}) {
  const isModel = side === 'model';
  return (
    <>
      <code data-testid={`${prefix}-rule`} className={`text-xs ${isModel ? 'text-slate-900' : 'text-slate-600'}`}>
        {rule}
      </code>
      <span data-testid={`${prefix}-title`} className={isModel ? 'font-medium text-slate-900' : 'text-slate-700'}>
        {title}
      </span>
    </>
  );
}
