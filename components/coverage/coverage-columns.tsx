import type { ReactNode } from 'react';
import { CATEGORY_HEADINGS } from '@/lib/report/category-headings';
import { SeverityBadge } from '@/components/findings/severity-badge';
import type { FoundFailure, HumanFailure } from '@/lib/coverage/types';
import type { ReviewFinding } from '@/lib/pipeline/types';

/** Where a finding is, in a few words: its logical IDs, or file:line. */
function placeOf(f: ReviewFinding): string {
  if (f.location) return `${f.location.file}:${f.location.line}`;
  return f.resources.join(', ') || 'the artifact';
}

/** A column of the side-by-side view, with its count in the heading. */
export function CoverageColumn({
  title,
  count,
  testId,
  tone,
  children,
}: {
  title: string;
  count: number;
  testId: string;
  tone: string;
  children: ReactNode;
}) {
  return (
    <section data-testid={testId} className="min-w-0 space-y-2">
      <h3 className={`flex items-baseline justify-between text-xs font-semibold uppercase tracking-wide ${tone}`}>
        {title}
        <span data-testid={`${testId}-count`} className="font-mono">
          {count}
        </span>
      </h3>
      <ul className="space-y-2">{children}</ul>
      {count === 0 && <p className="text-xs text-slate-400">None.</p>}
    </section>
  );
}

/** A human failure: its category and title, and what it names. */
function FailureHead({ failure }: { failure: HumanFailure }) {
  const names = [...failure.resources, ...failure.properties];
  return (
    <>
      <p className="text-[11px] uppercase tracking-wide text-slate-400">{CATEGORY_HEADINGS[failure.category].heading}</p>
      <p className="font-medium text-slate-800">{failure.title}</p>
      {names.length > 0 && (
        <p className="truncate font-mono text-[11px] text-slate-500" title={names.join(', ')}>
          {names.join(', ')}
        </p>
      )}
    </>
  );
}

/** A failure the engine found, with the rules and places of the findings that match it. */
export function FoundItem({ item }: { item: FoundFailure }) {
  const rules = [...new Set(item.findings.map((f) => f.rule))];
  return (
    <li data-testid="coverage-found-item" className="rounded-md bg-emerald-50/60 px-3 py-2 text-sm ring-1 ring-emerald-200">
      <FailureHead failure={item.failure} />
      <p className="mt-1 text-xs text-emerald-800">
        found by <code>{rules.join(', ')}</code> ({item.findings.length} finding{item.findings.length === 1 ? '' : 's'})
      </p>
    </li>
  );
}

/** A failure the engine missed. */
export function MissedItem({ failure }: { failure: HumanFailure }) {
  return (
    <li data-testid="coverage-missed-item" className="rounded-md bg-red-50/60 px-3 py-2 text-sm ring-1 ring-red-200">
      <FailureHead failure={failure} />
    </li>
  );
}

/** A finding the human review does not list. */
export function UnlistedItem({ finding }: { finding: ReviewFinding }) {
  return (
    <li data-testid="coverage-unlisted-item" className="rounded-md bg-white px-3 py-2 text-sm ring-1 ring-slate-200">
      <p className="text-[11px] uppercase tracking-wide text-slate-400">{CATEGORY_HEADINGS[finding.category].heading}</p>
      <p className="flex items-center gap-2 font-medium text-slate-800">
        <SeverityBadge severity={finding.severity} /> <code className="text-xs">{finding.rule}</code>
      </p>
      <p className="text-xs text-slate-600">{finding.title}</p>
      <p className="truncate font-mono text-[11px] text-slate-500">
        {placeOf(finding)}
        {finding.acknowledged ? ' · acknowledged' : ''}
      </p>
    </li>
  );
}
