import { reviewNotFound } from './not-found';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { getAppSettings } from '../admin/settings';
import { getDb } from '../db/connection';
import type { Database } from '../db/schema';
import type { ArtifactSpec } from '../pipeline/types';
import { projectRoot, referenceSpec } from '../pipeline/bundled';
import { runReview, type ReviewDefinition } from '../pipeline/run';
import type { ArtifactState, ReviewResult } from '../pipeline/types';
import { loadInlineArtifact } from '../pipeline/inline-artifact';
import type { ReviewPlan, StoredArtifact } from './plan-types';
import {
  countReviewRows,
  getReviewRowById,
  insertReviewRow,
  listReviewRows,
  saveReviewAnalysis,
  type ReviewRow,
  type ReviewRowFilter,
} from '../db/queries/reviews';
import { coverageNumbersOf } from '../coverage/numbers';
import { listItemOfRow, modelCounts, statusAfterAnalysis, totalsOf, type StoredSummary } from './summary';

/** A new review id: `r-` and 12 hex digits (never `bundled`). */
export function newReviewId(): string {
  return `r-${randomBytes(6).toString('hex')}`;
}

/** The state of a side as known without analysis: parsed files, or the infra/ reference (synthesized when opened); throws on input over the limits (lib/limits). */
export function stateBeforeAnalysis(side: 'reference' | 'model', artifact: StoredArtifact): ArtifactState {
  if ('infra' in artifact) {
    return {
      status: 'ok',
      label: side,
      origin: 'infra',
      kind: 'cdk-synthesized',
      hash: '',
      resourceCount: 0,
      sources: [],
      note: 'synthesized when the review is opened',
    };
  }
  return loadInlineArtifact(side, artifact.files, artifact.note).state;
}

/** Stores a planned review (files parsed, not analyzed): status `pending`, or `failed` when a side does not load. */
export async function storePlannedReview(
  { plan, createdBy, id = newReviewId() }: { plan: ReviewPlan; createdBy: string; id?: string },
  db: Kysely<Database> = getDb().db,
) {
  const summary: StoredSummary = {
    reference: stateBeforeAnalysis('reference', plan.reference),
    model: stateBeforeAnalysis('model', plan.model),
    totals: null,
    generatedAt: null,
  };
  const failed = [summary.reference, summary.model].find((s) => s.status === 'failed');
  const row = {
    id,
    name: plan.name,
    kind: plan.kind,
    platform: plan.platform,
    language: plan.language,
    status: failed ? 'failed' : plan.status,
    status_note: failed?.status === 'failed' ? `${failed.label}: ${failed.message}` : plan.statusNote,
    created_by: createdBy,
    created_at: new Date().toISOString(),
    analyzed_at: null,
    reference_json: JSON.stringify(plan.reference),
    model_json: JSON.stringify(plan.model),
    prompt: plan.prompt,
    model_failures: plan.modelFailures,
    metadata_json: JSON.stringify(plan.metadata),
    summary_json: JSON.stringify(summary),
  };
  await insertReviewRow(row, db);
  return listItemOfRow({
    ...row,
    ...{
      count_syntax: 0,
      count_deployment: 0,
      count_security: 0,
      count_performance: 0,
      count_observability: 0,
      count_error: 0,
      count_warning: 0,
      count_info: 0,
      coverage_found: null,
      coverage_failures: null,
      coverage_ratio: null,
      coverage_unlisted: null,
    },
  });
}

/** The list entry of one stored review; `not_found:review` when there is none. */
export async function getStoredReviewSummary({ id }: { id: string }, db: Kysely<Database> = getDb().db) {
  const row = await getReviewRowById({ id }, db);
  if (!row) throw reviewNotFound(id);
  return listItemOfRow(row);
}

/** The pipeline's spec of one side of a stored (or planned) review: its files as inline artifacts, or the `infra/` reference. */
export function storedArtifactSpec(side: 'reference' | 'model', artifact: StoredArtifact, natGateways = 1): ArtifactSpec {
  if ('infra' in artifact) return referenceSpec(projectRoot(), natGateways === 1 ? {} : { natGateways });
  return {
    label: side,
    inline: artifact.files,
    ...(artifact.note ? { note: artifact.note } : {}),
    ...(artifact.synthesize ? { synthesize: artifact.synthesize } : {}),
  };
}

/** The definition of a stored review (its files as inline artifacts); `not_found:review` for unknown ids. */
export async function getStoredReviewDefinition({ id }: { id: string }, db: Kysely<Database> = getDb().db): Promise<ReviewDefinition> {
  const row = await getReviewRowById({ id }, db);
  if (!row) throw reviewNotFound(id);
  return definitionOfRow(row, db);
}

async function definitionOfRow(row: ReviewRow, db: Kysely<Database>): Promise<ReviewDefinition> {
  const reference = JSON.parse(row.reference_json) as StoredArtifact;
  const natGateways = 'infra' in reference ? (await getAppSettings(db)).referenceNatGateways : 1;
  return {
    id: row.id,
    name: row.name,
    reference: storedArtifactSpec('reference', reference, natGateways),
    model: storedArtifactSpec('model', JSON.parse(row.model_json) as StoredArtifact, natGateways),
  };
}

/** Runs a stored review (cached by content) and, when its outcome changed, records status, summary and counts for the list. */
export async function runStoredReview(
  { id, onLoaded }: { id: string; onLoaded?: () => void },
  db: Kysely<Database> = getDb().db,
): Promise<ReviewResult> {
  const row = await getReviewRowById({ id }, db);
  if (!row) throw reviewNotFound(id);
  const definition = await definitionOfRow(row, db);
  const review = await runReview(definition, onLoaded);
  const { status, note } = statusAfterAnalysis(row.status, review);
  const summary: StoredSummary = {
    reference: review.reference,
    model: review.model,
    totals: totalsOf(review),
    generatedAt: review.generatedAt,
  };
  const previous = JSON.parse(row.summary_json ?? 'null') as StoredSummary | null;
  const coverage = row.model_failures ? await coverageNumbersOf(review, row.model_failures, definition) : null;
  const changed =
    row.analyzed_at === null ||
    row.coverage_found !== (coverage?.found ?? null) ||
    row.coverage_failures !== (coverage?.failures ?? null) ||
    row.coverage_unlisted !== (coverage?.unlisted ?? null) ||
    row.status !== status ||
    JSON.stringify({ ...previous, generatedAt: null }) !== JSON.stringify({ ...summary, generatedAt: null });
  if (changed) {
    await saveReviewAnalysis(
      {
        id,
        status,
        statusNote: note,
        summaryJson: JSON.stringify(summary),
        counts: modelCounts(review),
        coverage: coverage && { found: coverage.found, failures: coverage.failures, ratio: coverage.coverage, unlisted: coverage.unlisted },
        analyzedAt: new Date().toISOString(),
      },
      db,
    );
  }
  return review;
}

/** How many stored reviews match the filter. */
export function countStoredReviews(filter: ReviewRowFilter = {}, db: Kysely<Database> = getDb().db): Promise<number> {
  return countReviewRows(filter, db);
}

/** Stored reviews, newest first unless the filter sorts them, as list entries. */
export async function listStoredReviews(filter: ReviewRowFilter = {}, db: Kysely<Database> = getDb().db) {
  return (await listReviewRows(filter, db)).map(listItemOfRow);
}

/** The human-written MODEL_FAILURES.md and the prompt of a stored review, when it has them. */
export async function getStoredReviewTexts(
  { id }: { id: string },
  db: Kysely<Database> = getDb().db,
): Promise<{ prompt: string | null; modelFailures: string | null; metadata: Record<string, unknown> }> {
  const row = await getReviewRowById({ id }, db);
  if (!row) throw reviewNotFound(id);
  return { prompt: row.prompt, modelFailures: row.model_failures, metadata: JSON.parse(row.metadata_json) as Record<string, unknown> };
}
