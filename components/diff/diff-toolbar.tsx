'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useOptimistic, useRef, useState, useTransition, type FormEvent } from 'react';
import { CHANGE_KINDS, DIFF_FILTER_NONE, diffFilterQuery, isFiltering, type ChangeKind, type DiffFilter } from '@/lib/diff/filter';

/** How long typing pauses before a search is applied. */
const SEARCH_DELAY_MS = 250;

/**
 * Search, filters (type, change kind, findings only) and expand/collapse all for a diff page's resource list. The filters
 * live in the URL query (the page filters on the server, so a filtered view can be shared); without JavaScript the form
 * submits them as a plain GET.
 */
export function DiffToolbar({
  filter,
  types,
  kindCounts,
}: {
  filter: DiffFilter;
  types: readonly { type: string; count: number }[];
  kindCounts: Readonly<Record<ChangeKind, number>>;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  // The filter as last chosen, shown at once while the server renders the list for it.
  const [shown, setShown] = useOptimistic(filter);
  const latest = useRef(shown);
  useEffect(() => {
    latest.current = shown;
  }, [shown]);
  const [query, setQuery] = useState(filter.query);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const apply = (changes: Partial<DiffFilter>, text = query) => {
    clearTimeout(timer.current);
    const next = { ...latest.current, query: text.trim(), ...changes };
    latest.current = next;
    const search = diffFilterQuery(next);
    startTransition(() => {
      setShown(next);
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    });
  };
  const onQuery = (value: string) => {
    setQuery(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => apply({}, value), SEARCH_DELAY_MS);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply({});
  };
  const toggleKind = (kind: ChangeKind) =>
    apply({
      kinds: latest.current.kinds.includes(kind) ? latest.current.kinds.filter((k) => k !== kind) : [...latest.current.kinds, kind],
    });

  return (
    <form
      data-testid="diff-toolbar"
      role="search"
      aria-label="Filter resource changes"
      method="get"
      onSubmit={onSubmit}
      aria-busy={pending}
      className="flex flex-wrap items-center gap-2 rounded-md bg-white px-3 py-2 text-xs ring-1 ring-slate-200"
    >
      <label className="flex min-w-0 flex-1 basis-56 items-center gap-2">
        <span className="text-slate-700">Search</span>
        <input
          data-testid="diff-search"
          type="search"
          name="q"
          value={query}
          onChange={(event) => onQuery(event.target.value)}
          placeholder="logical ID, type or property path"
          className="min-w-0 flex-1 rounded-md px-2 py-1 ring-1 ring-slate-300 focus:ring-2 focus:ring-sky-600 focus:outline-none"
        />
      </label>
      <label className="flex items-center gap-2">
        <span className="text-slate-700">Type</span>
        <select
          data-testid="diff-type-filter"
          name="type"
          value={shown.types[0] ?? ''}
          onChange={(event) => apply({ types: event.target.value ? [event.target.value] : [] })}
          className="max-w-56 rounded-md px-1.5 py-1 ring-1 ring-slate-300"
        >
          <option value="">All types</option>
          {types.map(({ type, count }) => (
            <option key={type} value={type}>
              {type} ({count})
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex flex-wrap items-center gap-1">
        <legend className="sr-only">Change kind</legend>
        {CHANGE_KINDS.map((kind) => (
          <label
            key={kind}
            className={`flex cursor-pointer items-center gap-1 rounded-md px-2 py-1 ring-1 ${shown.kinds.includes(kind) ? 'bg-sky-50 text-sky-900 ring-sky-500' : 'text-slate-700 ring-slate-300'}`}
          >
            <input
              data-testid={`diff-kind-${kind}`}
              type="checkbox"
              name="change"
              value={kind}
              checked={shown.kinds.includes(kind)}
              onChange={() => toggleKind(kind)}
              className="accent-sky-700"
            />
            {kind} <span className="font-mono tabular-nums text-slate-600">{kindCounts[kind]}</span>
          </label>
        ))}
      </fieldset>
      <label className="flex cursor-pointer items-center gap-1 rounded-md px-2 py-1 text-slate-700 ring-1 ring-slate-300">
        <input
          data-testid="diff-findings-only"
          type="checkbox"
          name="findings"
          value="1"
          checked={shown.findingsOnly}
          onChange={(event) => apply({ findingsOnly: event.target.checked })}
          className="accent-sky-700"
        />
        findings only
      </label>
      <noscript>
        <button type="submit" className="rounded-md px-2 py-1 ring-1 ring-slate-300">
          Apply
        </button>
      </noscript>
      {isFiltering(shown) && (
        <a
          data-testid="diff-clear-filters"
          href={pathname}
          onClick={(event) => (event.preventDefault(), setQuery(''), apply(DIFF_FILTER_NONE, ''))}
          className="text-sky-800 underline"
        >
          Clear filters
        </a>
      )}
      <span className="ml-auto flex items-center gap-1">
        {pending && <span className="text-slate-600">Filtering…</span>}
        {([true, false] as const).map((open) => (
          <button
            key={String(open)}
            type="button"
            data-testid={open ? 'diff-expand-all' : 'diff-collapse-all'}
            onClick={() => setAllOpen(open)}
            className="rounded-md px-2 py-1 text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            {open ? 'Expand all' : 'Collapse all'}
          </button>
        ))}
      </span>
    </form>
  );
}

/** Opens or closes every resource row of the page's diff. */
function setAllOpen(open: boolean) {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('[data-testid="diff-row-details"]')) details.open = open;
}
