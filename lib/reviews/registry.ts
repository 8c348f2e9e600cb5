import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { cache } from 'react';
import { getAppSettings } from '../admin/settings';
import { getDb } from '../db/connection';
import type { Database } from '../db/schema';
import { countStoredReviews, getStoredReviewDefinition, listStoredReviews } from './service';
import { getReviewNameRowById, type ReviewRowFilter } from '../db/queries/reviews';
import { reviewNotFound } from './not-found';
import { modelCounts, totalsOf, type ReviewListExtras } from './summary';
import { bundledHumanReviewPath, coverageNumbersOf } from '../coverage/numbers';
import { BUNDLED_REVIEW_ID, bundledReview, projectRoot } from '../pipeline/bundled';
import { applyReviewAcknowledgements } from './acknowledgements/apply';
import { listAcknowledgementsByReview } from './acknowledgements/store';
import { runReview, type ReviewDefinition } from '../pipeline/run';
import type { ReviewResult } from '../pipeline/types';

/** A review as listed: id, name, artifact states and per-side totals (no findings), platform, status and counts. */
export interface ReviewListItem extends ReviewListExtras {
  id: string;
  name: string;
  generatedAt: string;
  reference: ReviewResult['reference'];
  model: ReviewResult['model'];
  totals: { model: number; reference: number; acknowledged: number };
}

// React's cache() memoizes for one server render, so a page and every panel it renders (deploy gate, coverage,
// stack) resolve a definition and a review once; outside a render (API routes, the CLI, tests) it calls through.
// Results are shared: treat them as read-only.
const definitionById = cache(async (id: string, db: Kysely<Database>): Promise<ReviewDefinition> => {
  if (id !== BUNDLED_REVIEW_ID) return getStoredReviewDefinition({ id }, db);
  const settings = await getAppSettings(db);
  return bundledReview(projectRoot(), settings.referenceNatGateways === 1 ? {} : { natGateways: settings.referenceNatGateways });
});

// A read never writes: a stored review is run here in memory (the pipeline caches by content); its list summary is
// recorded by the mutations that analyze it (creating a review, importing with analysis).
const reviewById = cache(async (id: string, packs: string): Promise<ReviewResult> => {
  const definition = await definitionById(id, getDb().db);
  const review = await runReview(packs ? { ...definition, rulePacks: packs.split(',') } : definition);
  return applyReviewAcknowledgements(review, await listAcknowledgementsByReview({ reviewId: id }));
});

/** The definition of the review with this id as the app runs it (the reference with the admin's settings); `not_found:review` for unknown ids. */
export function getReviewDefinition({ id }: { id: string }, db: Kysely<Database> = getDb().db): Promise<ReviewDefinition> {
  return definitionById(id, db);
}

/**
 * The full review with this id, with `rulePacks` run when given (not recorded in the stored summary) and the review's
 * acknowledgements applied (lib/reviews/acknowledgements); `not_found:review` for unknown ids. Writes nothing.
 */
export function getReviewById({ id, rulePacks }: { id: string; rulePacks?: string[] }): Promise<ReviewResult> {
  return reviewById(id, (rulePacks ?? []).join(','));
}

/** The id and name of the review with this id, without running it (a cheap existence check); `not_found:review` for unknown ids. */
export async function getReviewNameById({ id }: { id: string }, db: Kysely<Database> = getDb().db): Promise<{ id: string; name: string }> {
  if (id === BUNDLED_REVIEW_ID) return { id, name: (await definitionById(id, db)).name };
  const row = await getReviewNameRowById({ id }, db);
  if (!row) throw reviewNotFound(id);
  return row;
}

/** Every review matching the filter, summarized: the bundled one first (when the filter fits it, on the first page), then stored ones in the filter's order. */
export async function listReviews(filter: ReviewRowFilter = {}): Promise<ReviewListItem[]> {
  const [stored, bundled] = await Promise.all([listStoredReviews(filter), filter.offset ? null : bundledListItem(filter)]);
  return bundled ? [bundled, ...stored] : stored;
}

/** How many reviews match the filter over all pages: the stored ones, and the bundled one (pinned to the first page) when it fits. */
export async function countReviews(filter: ReviewRowFilter = {}): Promise<{ stored: number; pinned: number }> {
  const [stored, bundled] = await Promise.all([countStoredReviews(filter), bundledListItem(filter)]);
  return { stored, pinned: bundled ? 1 : 0 };
}

/** The bundled review as a list entry, or null when the filter leaves it out. */
async function bundledListItem(filter: ReviewRowFilter): Promise<ReviewListItem | null> {
  const fits =
    (!filter.platform || filter.platform === 'cdk') &&
    (!filter.language || filter.language === 'ts') &&
    (!filter.status || filter.status === 'analyzed') &&
    (!filter.kind || filter.kind === 'bundled');
  if (!fits) return null;
  const review = await getReviewById({ id: BUNDLED_REVIEW_ID });
  const counts = modelCounts(review);
  if ((filter.category && counts[filter.category] === 0) || (filter.severity && counts[filter.severity] === 0)) return null;
  const human = await readFile(bundledHumanReviewPath(), 'utf8');
  const coverage = await coverageNumbersOf(review, human, await definitionById(BUNDLED_REVIEW_ID, getDb().db));
  return {
    id: review.id,
    name: review.name,
    generatedAt: review.generatedAt,
    reference: review.reference,
    model: review.model,
    totals: totalsOf(review),
    kind: 'bundled',
    platform: 'cdk',
    language: 'ts',
    status: 'analyzed',
    statusNote: null,
    createdAt: null,
    createdBy: null,
    analyzed: true,
    counts,
    coverage: coverage && { found: coverage.found, failures: coverage.failures, ratio: coverage.coverage },
  };
}
