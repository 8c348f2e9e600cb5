import { CATEGORIES, SEVERITIES } from '../rules/types';
import type { ArtifactState, ReviewResult } from '../pipeline/types';
import type { StoredReviewStatus } from './plan-types';
import { countsOfRow, type CachedCounts, type ReviewRow } from '../db/queries/reviews';

/** What a stored review's list entry says beyond the bundled review's fields. */
export interface ReviewListExtras {
  kind: 'bundled' | 'templates' | 'markdown' | 'task';
  platform: string;
  language: string;
  status: StoredReviewStatus;
  statusNote: string | null;
  createdAt: string | null;
  createdBy: string | null;
  /** False until the findings were computed once (the counts are then zero). */
  analyzed: boolean;
  /** Open model-side findings per category and per severity. */
  counts: CachedCounts;
  /** Coverage against the human MODEL_FAILURES.md at the last analysis; null without one or before analysis. */
  coverage: ListedCoverage | null;
}

/** Failures of the human review the engine found, failures listed, and their ratio (0..1). */
export interface ListedCoverage {
  found: number;
  failures: number;
  ratio: number;
}

/** What summary_json holds: the artifact states (parsed at creation, replaced by the analysis) and the totals. */
export interface StoredSummary {
  reference: ArtifactState;
  model: ArtifactState;
  totals: { model: number; reference: number; acknowledged: number } | null;
  generatedAt: string | null;
}

/** Open model-side findings per category and per severity of a review (the model's own: shared ones left out). */
export function modelCounts(review: Pick<ReviewResult, 'findings'>): CachedCounts {
  const counts = Object.fromEntries([...CATEGORIES, ...SEVERITIES].map((k) => [k, 0])) as CachedCounts;
  for (const f of review.findings) {
    if (f.side !== 'model' || f.acknowledged || f.shared) continue;
    counts[f.category]++;
    counts[f.severity]++;
  }
  return counts;
}

/** Totals as the review list shows them: open findings per side, and acknowledged ones. */
export function totalsOf(review: Pick<ReviewResult, 'findings'>): { model: number; reference: number; acknowledged: number } {
  const open = review.findings.filter((f) => !f.acknowledged);
  return {
    model: open.filter((f) => f.side === 'model' && !f.shared).length,
    reference: open.filter((f) => f.side === 'reference').length,
    acknowledged: review.findings.length - open.length,
  };
}

/** The status a review has after an analysis: a failed side fails it; a noted side (source rules only) makes it partial. */
export function statusAfterAnalysis(
  before: string,
  review: Pick<ReviewResult, 'reference' | 'model'>,
): { status: StoredReviewStatus; note: string | null } {
  const failed = [review.reference, review.model].find((s) => s.status === 'failed');
  if (failed && failed.status === 'failed') return { status: 'failed', note: `${failed.label}: ${failed.message}` };
  const note = [review.reference, review.model].map((s) => (s.status === 'ok' ? s.note : undefined)).find(Boolean) ?? null;
  if (before === 'unsupported') return { status: 'unsupported', note };
  return { status: note ? 'partial' : 'analyzed', note };
}

/** The list entry of a stored row (without its files). */
export function listItemOfRow(row: Omit<ReviewRow, 'reference_json' | 'model_json' | 'prompt' | 'model_failures'>) {
  const summary = JSON.parse(row.summary_json ?? 'null') as StoredSummary | null;
  const pending: ArtifactState = { status: 'failed', label: 'pending', origin: '', stage: 'parse', message: 'not loaded yet' };
  const extras: ReviewListExtras = {
    kind: row.kind as ReviewListExtras['kind'],
    platform: row.platform,
    language: row.language,
    status: row.status as StoredReviewStatus,
    statusNote: row.status_note,
    createdAt: row.created_at,
    createdBy: row.created_by,
    analyzed: row.analyzed_at !== null,
    counts: countsOfRow(row),
    coverage:
      row.coverage_found === null || row.coverage_failures === null
        ? null
        : { found: row.coverage_found, failures: row.coverage_failures, ratio: row.coverage_ratio ?? 0 },
  };
  return {
    id: row.id,
    name: row.name,
    generatedAt: summary?.generatedAt ?? row.created_at,
    reference: summary?.reference ?? pending,
    model: summary?.model ?? pending,
    totals: summary?.totals ?? { model: 0, reference: 0, acknowledged: 0 },
    ...extras,
  };
}
