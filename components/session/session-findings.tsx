'use client';

import { useState } from 'react';
import { CATEGORY_HEADINGS } from '@/lib/report/category-headings';
import { CATEGORIES, type Category } from '@/lib/rules/types';
import { CategoryVerdict } from './category-verdict';
import { ReviewKeys } from './review-keys';
import { SessionManualFindingRow } from './session-manual-finding-row';
import { groupByRule } from './group-verdicts';
import { ExpandAllContext, RuleBlock } from './rule-block';
import type { SessionView } from './types';

/**
 * The session's findings in the seed's five categories, one row per problem (a rule's findings, a reviewer's own
 * finding), judged by mouse or keyboard, per rule or per category; the reference's (control) folded below.
 */
export function SessionFindings({ view }: { view: SessionView }) {
  const [expandAll, setExpandAll] = useState<{ open: boolean } | null>(null);
  const manualProps = (key: string) => ({
    sessionId: view.session.id,
    verdicts: view.verdicts[key] ?? [],
    comments: view.comments[key] ?? [],
    meId: view.me.id,
    canEdit: view.me.canEdit,
  });
  return (
    <ExpandAllContext.Provider value={expandAll}>
      <div className="space-y-8">
        <div className="flex flex-wrap items-center gap-2">
          <ReviewKeys sessionId={view.session.id} canEdit={view.me.canEdit} />
          <button
            type="button"
            data-testid="expand-all"
            onClick={() => setExpandAll({ open: !expandAll?.open })}
            className="ml-auto rounded-md px-2 py-0.5 text-xs text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            {expandAll?.open ? 'Collapse all' : 'Expand all'}
          </button>
        </div>
        {CATEGORIES.map((category) => {
          const inCategory = view.findings.filter((f) => f.category === category);
          const model = inCategory.filter((f) => f.side === 'model');
          const reference = inCategory.filter((f) => f.side === 'reference');
          const manual = view.manualFindings.filter((m) => m.category === category);
          return (
            <section
              key={category}
              id={category}
              data-testid={`session-category-${category}`}
              aria-labelledby={`heading-${category}`}
              className="scroll-mt-16 space-y-2"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <CategoryHeading category={category} count={model.length + manual.length} />
                {view.me.canEdit && model.length + manual.length > 0 && (
                  <CategoryVerdict
                    sessionId={view.session.id}
                    category={category}
                    keys={[...model.map((f) => f.key), ...manual.map((m) => m.id)]}
                  />
                )}
              </div>
              {model.length + manual.length === 0 && <p className="text-xs text-slate-500">No model findings.</p>}
              <ul className="space-y-2">
                {groupByRule(model).map((g) => (
                  <RuleBlock key={g.rule} rule={g.rule} findings={g.findings} view={view} />
                ))}
                {manual.map((m) => (
                  <SessionManualFindingRow key={m.id} finding={m} {...manualProps(m.id)} />
                ))}
              </ul>
              {reference.length > 0 && (
                <details className="group rounded-lg ring-1 ring-slate-200/70">
                  <summary className="cursor-pointer px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500 hover:bg-slate-50">
                    <span aria-hidden className="mr-1 inline-block transition-transform group-open:rotate-90">
                      ›
                    </span>
                    Reference (control) <span className="font-normal normal-case text-slate-400">· {reference.length}</span>
                  </summary>
                  <ul className="space-y-2 p-2">
                    {groupByRule(reference).map((g) => (
                      <RuleBlock key={g.rule} rule={g.rule} findings={g.findings} view={view} />
                    ))}
                  </ul>
                </details>
              )}
            </section>
          );
        })}
      </div>
    </ExpandAllContext.Provider>
  );
}

function CategoryHeading({ category, count }: { category: Category; count: number }) {
  return (
    <h2 id={`heading-${category}`} className="text-base font-semibold text-slate-900">
      {CATEGORY_HEADINGS[category].heading} <span className="font-mono text-xs font-normal text-slate-400">{count}</span>
    </h2>
  );
}
