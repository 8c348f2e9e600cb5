import type { Kysely } from 'kysely';
import { getDb } from '../db/connection';
import { discardReviewRow } from '../db/queries/reviews';
import type { Database } from '../db/schema';
import { assertFileSize } from '../limits/bounds';
import type { CreateReviewInput, ReviewFile } from './input';
import { planReview } from './plan';
import type { ReviewPlan } from './plan-types';
import { getStoredReviewSummary, runStoredReview, stateBeforeAnalysis, storePlannedReview } from './service';
import type { listItemOfRow } from './summary';

/** The steps of creating a review, in order, as `createReview` reports them: real phases of the work, not a timer. */
export type CreatePhase = { phase: 'stored'; review: ReviewListItemOfRow } | { phase: 'synthesizing' | 'parsing' } | { phase: 'analyzing' };

type ReviewListItemOfRow = ReturnType<typeof listItemOfRow>;

/**
 * Creates a review from a validated request and analyzes it once, so the answer carries its counts. `onPhase` hears
 * each step: stored, then synthesizing (CDK code) or parsing (templates, markdown), then analyzing. Input over the
 * limits (lib/limits) is refused before anything is stored; a creation that fails after storing removes its row, so a
 * refused or broken request leaves nothing behind.
 */
export async function createReview(
  { input, createdBy, onPhase }: { input: CreateReviewInput; createdBy: string; onPhase?: (phase: CreatePhase) => void },
  db: Kysely<Database> = getDb().db,
) {
  const plan = planWithinLimits(input);
  const stored = await storePlannedReview({ plan, createdBy }, db);
  try {
    onPhase?.({ phase: 'stored', review: stored });
    if (stored.status === 'failed') return stored;
    const synthesizes = [plan.reference, plan.model].some((side) => 'infra' in side || side.synthesize);
    onPhase?.({ phase: synthesizes ? 'synthesizing' : 'parsing' });
    await runStoredReview({ id: stored.id, onLoaded: () => onPhase?.({ phase: 'analyzing' }) }, db);
    return await getStoredReviewSummary({ id: stored.id }, db);
  } catch (error) {
    // The creation's own error is what the caller needs; a failed clean-up is logged, not raised in its place.
    await discardReviewRow({ id: stored.id }, db).catch((cleanup: unknown) => console.error(cleanup));
    throw error;
  }
}

/**
 * The plan of a create request, once its input is known to be within the limits (lib/limits): each file's size, then
 * each side's templates parsed (the parse is cached for the creation that follows); over a limit, a 422 before anything is stored.
 */
export function planWithinLimits(input: CreateReviewInput): ReviewPlan {
  for (const file of filesOfInput(input)) assertFileSize(file.path, file.text);
  const plan = planReview(input);
  stateBeforeAnalysis('reference', plan.reference);
  stateBeforeAnalysis('model', plan.model);
  return plan;
}

function filesOfInput(input: CreateReviewInput): ReviewFile[] {
  if (input.kind === 'task') return input.files;
  return input.reference ? [input.reference, input.model] : [input.model];
}
