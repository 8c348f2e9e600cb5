import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadArtifact } from '../review/artifacts';
import { BUNDLED_REVIEW_ID, projectRoot } from '../review/bundled';
import { getReviewDefinition } from '../review/registry';
import { runReview, type ReviewDefinition } from '../review/run';
import type { ReviewResult } from '../review/types';
import { coverageNumbers, matchCoverage, type TypeOf } from './match';
import { parseHumanFailures } from './parse';
import type { CoverageNumbers, CoverageResult, HumanFailure } from './types';

/** Coverage of a review against its human MODEL_FAILURES.md, as served to the UI and API; `null` parts when it has none. */
export interface ReviewCoverage {
  reviewId: string;
  /** Where the human review came from (a path), or null when the review has none. */
  humanReview: string | null;
  failures: HumanFailure[];
  result: CoverageResult | null;
  numbers: CoverageNumbers | null;
}

/** The human review of the bundled review: the seed's MODEL_FAILURES.md, shipped with the project. */
export function bundledHumanReviewPath(root = projectRoot()): string {
  return path.join(root, 'lib/report/fixtures/seed-MODEL_FAILURES.md');
}

/** Path of the human MODEL_FAILURES.md of a review, or null when it has none (only the bundled review has one so far). */
export function humanReviewPathOf(reviewId: string): string | null {
  return reviewId === BUNDLED_REVIEW_ID ? bundledHumanReviewPath() : null;
}

/** Resource types of the model's template by logical ID (nothing known when the model has no template). */
export async function modelTypes(def: ReviewDefinition): Promise<TypeOf> {
  const model = await loadArtifact(def.model);
  const resources = model.template?.template.Resources ?? {};
  return (id) => resources[id]?.Type;
}

/** Coverage of a review's model-side findings against a human review's markdown. */
export function reviewCoverage(review: ReviewResult, humanMarkdown: string, typeOf?: TypeOf): { failures: HumanFailure[]; result: CoverageResult } {
  const failures = parseHumanFailures(humanMarkdown);
  return { failures, result: matchCoverage(failures, review.findings, typeOf) };
}

/** Coverage of the review with this id; `not_found:review` for unknown ids, null parts when it has no human review. */
export async function getReviewCoverage({ id }: { id: string }): Promise<ReviewCoverage> {
  const def = await getReviewDefinition({ id });
  const humanPath = humanReviewPathOf(id);
  if (!humanPath) return { reviewId: id, humanReview: null, failures: [], result: null, numbers: null };
  const [review, markdown, typeOf] = await Promise.all([runReview(def), readFile(humanPath, 'utf8'), modelTypes(def)]);
  const { failures, result } = reviewCoverage(review, markdown, typeOf);
  return { reviewId: id, humanReview: path.relative(projectRoot(), humanPath), failures, result, numbers: coverageNumbers(result) };
}
