import path from 'node:path';
import { loadArtifact } from '../pipeline/artifacts';
import { projectRoot } from '../pipeline/bundled';
import type { ReviewDefinition } from '../pipeline/run';
import { counterpartsOf } from '../pipeline/shared';
import type { ReviewResult } from '../pipeline/types';
import { coverageNumbers, matchCoverage, type ReferenceOf, type TypeOf } from './match';
import { readHumanReview } from './parse';
import type { CoverageNumbers } from './types';

/** The human review of the bundled review: the seed's MODEL_FAILURES.md, shipped with the project. */
export function bundledHumanReviewPath(root = projectRoot()): string {
  return path.join(root, 'infra/model/MODEL_FAILURES.md');
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

/**
 * The coverage numbers of an analyzed review against its human review's markdown (what the reviews list stores per
 * review); null when the human review lists no failure.
 */
export async function coverageNumbersOf(
  review: ReviewResult,
  humanMarkdown: string,
  def: ReviewDefinition,
): Promise<CoverageNumbers | null> {
  const { failures } = readHumanReview(humanMarkdown);
  if (failures.length === 0) return null;
  const [typeOf, referenceOf] = await Promise.all([modelTypes(def), referenceCounterparts(def)]);
  return coverageNumbers(matchCoverage(failures, review.findings, typeOf, referenceOf));
}
