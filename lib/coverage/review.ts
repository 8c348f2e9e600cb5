import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BUNDLED_REVIEW_ID, projectRoot } from '../pipeline/bundled';
import { listReviewCoverageRows } from '../db/queries/reviews';
import { getReviewById, getReviewDefinition, getReviewNameById } from '../reviews/registry';
import type { ReviewResult } from '../pipeline/types';
import { getStoredReviewTexts } from '../reviews/service';
import { bundledHumanReviewPath, modelTypes, referenceCounterparts } from './numbers';
import { aggregateCoverage, aggregateCoverageNumbers, coverageNumbers, matchCoverage, type ReferenceOf, type TypeOf } from './match';
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

/** One review's line of GET /api/coverage. */
export interface ReviewCoverageLine {
  id: string;
  name: string;
  numbers: CoverageNumbers;
}

/**
 * Coverage over every review that has a human review: the aggregate numbers and each review's (the bundled one first,
 * then stored ones newest first). Stored reviews are read as their last analysis recorded them, never re-analysed here:
 * one request costs one query however many or large the reviews; a review not analyzed yet has no numbers to count.
 */
export async function getCoverageOverReviews(): Promise<{ total: ReturnType<typeof aggregateCoverage>; reviews: ReviewCoverageLine[] }> {
  const bundled = await getReviewCoverage({ id: BUNDLED_REVIEW_ID });
  const reviews: ReviewCoverageLine[] = [];
  if (bundled.numbers)
    reviews.push({ id: BUNDLED_REVIEW_ID, name: (await getReviewNameById({ id: BUNDLED_REVIEW_ID })).name, numbers: bundled.numbers });
  for (const row of await listReviewCoverageRows()) reviews.push(await storedCoverageLine(row));
  return { total: aggregateCoverageNumbers(reviews.map((r) => r.numbers)), reviews };
}

type CoverageRow = Awaited<ReturnType<typeof listReviewCoverageRows>>[number];

/** A stored review's line from its row; a row analyzed before unlisted findings were recorded (migration 011) is analysed once in memory. */
async function storedCoverageLine(row: CoverageRow): Promise<ReviewCoverageLine> {
  const found = row.coverage_found ?? 0;
  const failures = row.coverage_failures ?? 0;
  if (row.coverage_unlisted === null) {
    const { numbers } = await getReviewCoverage({ id: row.id });
    if (numbers) return { id: row.id, name: row.name, numbers };
  }
  const numbers = { failures, found, missed: failures - found, unlisted: row.coverage_unlisted ?? 0, coverage: row.coverage_ratio ?? 0 };
  return { id: row.id, name: row.name, numbers };
}
