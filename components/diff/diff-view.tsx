import type { ReactNode } from 'react';
import type { ResourceChange, TemplateDiffJson } from '@/lib/diff/types';
import { ChangeTableView } from './change-table';
import { DestructiveSummary } from './destructive-summary';
import type { EntryFinding } from './entry-findings';
import { PropertyChangeList } from './property-change-list';
import { ResourceChangeList } from './resource-change-list';

/**
 * A whole template diff: counts, what it replaces or destroys, resource changes, IAM and security group tables, other
 * changes; "No differences" when empty. A diff page passes `shown` (the resources its filters keep, with `toolbar` above
 * them), `findings` per resource and `anchored` to give each resource its anchor.
 */
export function DiffView({
  diff,
  title,
  shown = diff.resources,
  toolbar,
  findings,
  anchored = false,
}: {
  diff: TemplateDiffJson;
  title?: string;
  shown?: readonly ResourceChange[];
  toolbar?: ReactNode;
  findings?: ReadonlyMap<string, readonly EntryFinding[]>;
  anchored?: boolean;
}) {
  return (
    <section data-testid="diff-view" className="space-y-5">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 className="text-base font-semibold text-slate-900">{title ?? 'Template diff'}</h2>
          <p className="text-xs text-slate-500">
            <span className="font-mono">{diff.from}</span> → <span className="font-mono">{diff.to}</span>
          </p>
        </div>
        {!diff.empty && <DiffCounts counts={diff.counts} />}
      </header>
      {diff.empty ? (
        <p data-testid="diff-empty" className="rounded-md bg-white px-4 py-6 text-center text-slate-500 ring-1 ring-slate-200">
          No differences
        </p>
      ) : (
        <>
          <DestructiveSummary changes={diff.resources} linked={anchored} />
          {diff.resources.length > 0 && (
            <section className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-800">
                Resources
                {shown.length < diff.resources.length && (
                  <span data-testid="diff-shown-count" className="ml-2 font-normal text-slate-600">
                    {shown.length} of {diff.resources.length} shown
                  </span>
                )}
              </h3>
              {toolbar}
              {shown.length > 0 ? (
                <ResourceChangeList changes={shown} anchored={anchored} findings={findings} />
              ) : (
                <p
                  data-testid="diff-no-match"
                  className="rounded-md bg-white px-4 py-4 text-center text-sm text-slate-600 ring-1 ring-slate-200"
                >
                  No resource change matches the filters.
                </p>
              )}
            </section>
          )}
          {diff.iamStatements && <ChangeTableView title="IAM statement changes" table={diff.iamStatements} testId="iam-table" />}
          {diff.iamManagedPolicies && (
            <ChangeTableView title="IAM managed policy changes" table={diff.iamManagedPolicies} testId="iam-managed-policy-table" />
          )}
          {diff.securityGroups && (
            <ChangeTableView title="Security group changes" table={diff.securityGroups} testId="security-group-table" />
          )}
          {diff.other.length > 0 && (
            <section className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-800">Other changes</h3>
              <div data-testid="diff-other" className="overflow-hidden rounded-md bg-white ring-1 ring-slate-200">
                <PropertyChangeList properties={diff.other} />
              </div>
            </section>
          )}
        </>
      )}
    </section>
  );
}

/** `+2 added · −1 removed · ~3 updated · 1 destructive` */
function DiffCounts({ counts }: { counts: TemplateDiffJson['counts'] }) {
  const items = [
    { label: 'added', value: counts.added, className: 'text-emerald-700' },
    { label: 'removed', value: counts.removed, className: 'text-red-700' },
    { label: 'updated', value: counts.updated, className: 'text-amber-700' },
    {
      label: 'destructive',
      value: counts.destructive,
      className: counts.destructive > 0 ? 'font-semibold text-red-700' : 'text-slate-500',
    },
  ];
  return (
    <ul data-testid="diff-counts" className="flex flex-wrap gap-3 text-xs">
      {items.map((item) => (
        <li key={item.label} data-count={item.label} className={`flex gap-1 ${item.className}`}>
          <span className="font-mono tabular-nums">{item.value}</span> {item.label}
        </li>
      ))}
    </ul>
  );
}
