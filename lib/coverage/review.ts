import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadArtifact } from '../pipeline/artifacts';
import { BUNDLED_REVIEW_ID, projectRoot } from '../pipeline/bundled';
import { getReviewById, getReviewDefinition, listReviews } from '../reviews/registry';
import type { ReviewDefinition } from '../pipeline/run';
import type { ReviewResult } from '../pipeline/types';
import { getStoredReviewTexts } from '../reviews/service';
import { counterpartsOf } from '../pipeline/shared';
import { aggregateCoverage, coverageNumbers, matchCoverage, type ReferenceOf, type TypeOf } from './match';
import { readHumanReview } from './parse';
import type { CoverageNumbers, CoverageResult, HumanFailure } from './types';

/** Coverage of a review against its human MODEL_FAILURES.md, as served to the UI and API; `null` parts when it has none. */
export interface ReviewCoverage {
  reviewId: string;
  /** Where the human review came from (a path), or null when the review has none. */
  humanReview: string | null;
  failures: HumanFailure[];
  /** Text of the human review that belongs to no failure. */
  unread: string[];
  result: CoverageResult | null;
  numbers: CoverageNumbers | null;
}

/** The human review of the bundled review: the seed's MODEL_FAILURES.md, shipped with the project. */
export function bundledHumanReviewPath(root = projectRoot()): string {
  return path.join(root, 'infra/model/MODEL_FAILURES.md');
}

/** The human MODEL_FAILURES.md of a review and where it came from, or null when it has none. */
export async function humanReviewOf(reviewId: string): Promise<{ origin: string; markdown: string } | null> {
  if (reviewId === BUNDLED_REVIEW_ID) {
    const file = bundledHumanReviewPath();
    return { origin: path.relative(projectRoot(), file), markdown: await readFile(file, 'utf8') };
  }
  const { modelFailures } = await getStoredReviewTexts({ id: reviewId });
  return modelFailures ? { origin: 'MODEL_FAILURES.md', markdown: modelFailures } : null;
}

/** Resource types of the model's templates (every stack of a multi-stack app) by logical ID; nothing known without a template. */
export async function modelTypes(def: ReviewDefinition): Promise<TypeOf> {
  const model = await loadArtifact(def.model);
  const templates = model.stacks?.map((s) => s.template) ?? (model.template ? [model.template] : []);
  return (id) => templates.map((t) => t.template.Resources[id]?.Type).find(Boolean);
}

/** The reference resource each model resource is paired with (lib/align), for failures that name the ideal's resources. */
export async function referenceCounterparts(def: ReviewDefinition): Promise<ReferenceOf> {
  const [reference, model] = await Promise.all([loadArtifact(def.reference), loadArtifact(def.model)]);
  const counterpartOf = counterpartsOf(reference, model);
  return (id) => counterpartOf(id)?.id;
}

/** Coverage of a review's model findings (its own, not shared) against a human review's markdown, and what could not be read. */
export function reviewCoverage(
  review: ReviewResult,
  humanMarkdown: string,
  typeOf?: TypeOf,
  referenceOf?: ReferenceOf,
): { failures: HumanFailure[]; unread: string[]; result: CoverageResult } {
  const { failures, unread } = readHumanReview(humanMarkdown);
  return { failures, unread, result: matchCoverage(failures, review.findings, typeOf, referenceOf) };
}

/** Coverage of the review with this id, counting the findings of the selected cdk-nag packs too; `not_found:review` for unknown ids, null parts when it has no human review. */
export async function getReviewCoverage({ id, rulePacks }: { id: string; rulePacks?: string[] }): Promise<ReviewCoverage> {
  const def = await getReviewDefinition({ id });
  const human = await humanReviewOf(id);
  if (!human) return { reviewId: id, humanReview: null, failures: [], unread: [], result: null, numbers: null };
  const [review, typeOf, referenceOf] = await Promise.all([getReviewById({ id, rulePacks }), modelTypes(def), referenceCounterparts(def)]);
  const { failures, unread, result } = reviewCoverage(review, human.markdown, typeOf, referenceOf);
  return { reviewId: id, humanReview: human.origin, failures, unread, result, numbers: coverageNumbers(result) };
}

/** Coverage over every review that has a human review: the aggregate numbers and each review's. */
export async function getCoverageOverReviews(): Promise<{
  total: ReturnType<typeof aggregateCoverage>;
  reviews: { id: string; name: string; numbers: CoverageNumbers }[];
}> {
  const reviews: { id: string; name: string; numbers: CoverageNumbers }[] = [];
  const results: CoverageResult[] = [];
  for (const item of await listReviews()) {
    const coverage = await getReviewCoverage({ id: item.id });
    if (!coverage.result || !coverage.numbers) continue;
    results.push(coverage.result);
    reviews.push({ id: item.id, name: item.name, numbers: coverage.numbers });
  }
  return { total: aggregateCoverage(results), reviews };
}
