import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BUNDLED_REVIEW_ID, projectRoot } from '../pipeline/bundled';
import { getReviewById, getReviewDefinition, listReviews } from '../reviews/registry';
import type { ReviewResult } from '../pipeline/types';
import { getStoredReviewTexts } from '../reviews/service';
import { bundledHumanReviewPath, modelTypes, referenceCounterparts } from './numbers';
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

/** The human MODEL_FAILURES.md of a review and where it came from, or null when it has none. */
export async function humanReviewOf(reviewId: string): Promise<{ origin: string; markdown: string } | null> {
  if (reviewId === BUNDLED_REVIEW_ID) {
    const file = bundledHumanReviewPath();
    return { origin: path.relative(projectRoot(), file), markdown: await readFile(file, 'utf8') };
  }
  const { modelFailures } = await getStoredReviewTexts({ id: reviewId });
  return modelFailures ? { origin: 'MODEL_FAILURES.md', markdown: modelFailures } : null;
}

export { bundledHumanReviewPath, modelTypes, referenceCounterparts };

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
