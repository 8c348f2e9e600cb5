import type { ReactNode } from 'react';
import { CoveragePanel } from '@/components/coverage/coverage-panel';
import { ExportLinks } from '@/components/coverage/export-links';
import { OpenOnHash } from '@/components/diff/open-on-hash';
import { CategorySection } from '@/components/findings/category-section';
import { CATEGORY_HEADINGS } from '@/lib/report/category-headings';
import type { StackLoadError } from '@/components/stack/load-stack';
import { StackPanel } from '@/components/stack/stack-panel';
import type { DeployedView } from '@/lib/stack/types';
import type { ReviewResult } from '@/lib/pipeline/types';
import { CATEGORIES } from '@/lib/rules/types';
import { ArtifactCard } from './artifact-card';
import { ReviewTotals } from './review-totals';

/**
 * A whole review: artifact header, overall totals, then the five categories in seed order. With `stack`, the deployed
 * stack's panel stands beside it (`deployControls` at its top) and each category gains the deployed template's results.
 */
export function ReviewView({
  review,
  stack,
  deployControls,
}: {
  review: ReviewResult;
  stack?: DeployedView | StackLoadError;
  deployControls?: ReactNode;
}) {
  const failed = (['model', 'reference'] as const).filter((side) => review[side].status === 'failed');
  const deployed = stack && !('error' in stack) ? stack : undefined;
  const body = (
    <div className="min-w-0 space-y-8">
      <OpenOnHash />
      <header className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-lg font-semibold text-slate-900">{review.name}</h1>
          <p className="text-xs text-slate-500">
            Review <code className="text-slate-700">{review.id}</code> · generated{' '}
            <time dateTime={review.generatedAt}>{review.generatedAt.replace('T', ' ').slice(0, 19)} UTC</time>
          </p>
        </div>
        <div className="grid items-start gap-3 md:grid-cols-2">
          <ArtifactCard side="model" artifact={review.model} />
          <ArtifactCard side="reference" artifact={review.reference} />
        </div>
        <ReviewTotals review={review} />
        <ExportLinks reviewId={review.id} />
        <nav aria-label="Categories" className="flex flex-wrap gap-1 text-xs">
          {CATEGORIES.map((c) => (
            <a
              key={c}
              href={`#${c}`}
              className="rounded-md px-2 py-1 text-slate-600 ring-1 ring-slate-200 hover:bg-white hover:text-slate-900"
            >
              {CATEGORY_HEADINGS[c].heading}
              <span className="ml-1 font-mono text-slate-400">{review.counts[c].model.total}</span>
            </a>
          ))}
        </nav>
      </header>
      <CoveragePanel reviewId={review.id} rulePacks={review.rulePacks} />
      {CATEGORIES.map((c) => (
        <CategorySection
          key={c}
          category={c}
          counts={review.counts[c]}
          findings={review.findings.filter((f) => f.category === c)}
          diff={review.diff}
          reviewId={review.id}
          failed={failed}
          deployed={deployed}
        />
      ))}
    </div>
  );
  if (!stack) return body;
  return (
    <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
      {body}
      <div className="p-px xl:sticky xl:top-16 xl:max-h-[calc(100vh-5rem)] xl:overflow-y-auto">
        <StackPanel view={stack}>{deployControls}</StackPanel>
      </div>
    </div>
  );
}
