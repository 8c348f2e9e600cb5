'use client';

import { useEffect, useState } from 'react';
import { VERDICT_LABELS } from '@/lib/audit/verdict-labels';
import { sendBulkVerdict } from './session-api';
import type { VerdictValue } from './types';

/** The verdict each key sets on the focused row (all its findings): the first letter of the verdict's word. */
export const VERDICT_KEYS: Record<string, VerdictValue> = {
  c: 'confirmed',
  f: 'false_positive',
  a: 'accepted_risk',
  d: 'needs_discussion',
};

/**
 * Keyboard review of the session page, as in a PR review: j/k move between rows (`[data-row]`, visible ones, in page
 * order), c/f/a/d set my verdict on every finding of the focused row in one call, Enter expands it, ? shows the keys.
 * Focus stays on the row: verdicts re-render it in place. Keys typed into fields are left alone.
 */
export function ReviewKeys({ sessionId, canEdit }: { sessionId: string; canEdit: boolean }) {
  const [help, setHelp] = useState(false);
  const [status, setStatus] = useState('');

  useEffect(() => {
    async function onKeyDown(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const row = document.activeElement?.closest<HTMLElement>('[data-row]') ?? null;
      if (event.key === '?') {
        event.preventDefault();
        setHelp((shown) => !shown);
      } else if (event.key === 'Escape') {
        setHelp(false);
      } else if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        moveFocus(row, event.key === 'j' ? 1 : -1);
      } else if (event.key === 'Enter' && row && document.activeElement === row) {
        event.preventDefault();
        row.querySelector<HTMLElement>('[data-expand]')?.click();
      } else if (event.key in VERDICT_KEYS && row && canEdit) {
        event.preventDefault();
        const verdict = VERDICT_KEYS[event.key];
        const keys = (row.dataset.keys ?? '').split(' ').filter(Boolean);
        const result = await sendBulkVerdict(sessionId, keys, verdict);
        setStatus(result.ok ? `${VERDICT_LABELS[verdict]}: ${keys.length} finding${keys.length === 1 ? '' : 's'}` : result.message);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [sessionId, canEdit]);

  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
      <button
        type="button"
        data-testid="shortcuts-button"
        aria-expanded={help}
        onClick={() => setHelp(!help)}
        className="rounded-md px-2 py-0.5 ring-1 ring-slate-300 hover:bg-slate-50"
      >
        Keyboard shortcuts <kbd className="font-mono">?</kbd>
      </button>
      <span role="status" data-testid="shortcut-status">
        {status}
      </span>
      {help && <ShortcutHelp canEdit={canEdit} />}
    </div>
  );
}

function ShortcutHelp({ canEdit }: { canEdit: boolean }) {
  const keys: [string, string][] = [
    ['j / k', 'next / previous row'],
    ['Enter', 'expand or collapse the focused rule'],
    ...(canEdit
      ? Object.entries(VERDICT_KEYS).map(([key, v]): [string, string] => [key, `${VERDICT_LABELS[v]} (every finding of the row)`])
      : []),
    ['?', 'show or hide this help'],
  ];
  return (
    <dl
      data-testid="shortcuts-help"
      className="grid basis-full grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md bg-white p-3 ring-1 ring-slate-200"
    >
      {keys.map(([key, what]) => (
        <div key={key} className="contents">
          <dt>
            <kbd className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-800 ring-1 ring-slate-300">{key}</kbd>
          </dt>
          <dd>{what}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Focuses the visible row `step` rows away from `row` (the first row when none is focused) and scrolls it into view. */
function moveFocus(row: HTMLElement | null, step: 1 | -1): void {
  const rows = [...document.querySelectorAll<HTMLElement>('[data-row]')].filter((r) => r.offsetParent !== null);
  if (rows.length === 0) return;
  const at = row ? rows.indexOf(row) : -1;
  const next = rows[at === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, at + step))];
  next.focus({ preventScroll: true });
  next.scrollIntoView({ block: 'nearest' });
}
