import type { Kysely } from 'kysely';
import { getAppSettings } from '../admin/settings';
import { hasClosedSessionOnReference } from '../db/queries/sessions';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { loadArtifact } from '../pipeline/artifacts';
import { getReviewDefinition } from '../reviews/registry';
import { runReview } from '../pipeline/run';
import type { ReviewResult } from '../pipeline/types';
import type { CfnTemplate } from '../templates/types';

/** What a deploy ships: the reference template of a review, with its hash. */
export interface DeployCandidate {
  reviewId: string;
  template: CfnTemplate;
  templateHash: string;
}

/** Whether the reference can be deployed now, and if not, every reason (plain JSON for the UI). */
export interface DeployReadiness {
  deployable: boolean;
  reasons: string[];
  templateHash?: string;
}

/**
 * The reference of review `reviewId` if it may be deployed: it synthesized, it has no open deployment-category error
 * finding, and (when an admin requires it) a closed audit session signed off this very template. Else the reasons.
 */
export async function checkDeployReadiness(
  reviewId: string,
  db: Kysely<Database>,
): Promise<{ readiness: DeployReadiness; candidate?: DeployCandidate }> {
  const def = await getReviewDefinition({ id: reviewId }, db);
  const [review, artifact, settings] = await Promise.all([runReview(def), loadArtifact(def.reference), getAppSettings(db)]);
  const templateHash = review.reference.status === 'ok' ? review.reference.hash : undefined;
  const signedOff =
    templateHash !== undefined &&
    settings.deployRequiresSignedOffSession &&
    (await hasClosedSessionOnReference({ reviewId, referenceHash: templateHash }, db));
  const reasons = readinessReasons(review, { requireSignoff: settings.deployRequiresSignedOffSession, signedOff });
  if (!templateHash || !artifact.template) return { readiness: { deployable: false, reasons } };
  return {
    readiness: { deployable: reasons.length === 0, reasons, templateHash },
    candidate: { reviewId, template: artifact.template.template, templateHash },
  };
}

/** Why a review's reference may not be deployed (none when it may): failed synthesis, open deployment errors, a missing sign-off. */
export function readinessReasons(
  review: ReviewResult,
  { requireSignoff, signedOff }: { requireSignoff: boolean; signedOff: boolean },
): string[] {
  if (review.reference.status === 'failed') return [`The reference failed synthesis: ${review.reference.message}`];
  const reasons = review.findings
    .filter((f) => f.side === 'reference' && f.category === 'deployment' && f.severity === 'error' && !f.acknowledged)
    .map(
      (f) => `Deployment error in the reference: ${f.title} (${f.rule}${f.resources.length > 0 ? ` on ${f.resources.join(', ')}` : ''})`,
    );
  if (requireSignoff && !signedOff) {
    reasons.push(
      `An admin requires a signed-off audit session on this reference (template ${review.reference.hash.slice(0, 12)}) before deploying`,
    );
  }
  return reasons;
}

/** The candidate to deploy, or `unprocessable:deploy` (422) with every reason it cannot be deployed. */
export async function requireDeployCandidate(reviewId: string, db: Kysely<Database>): Promise<DeployCandidate> {
  const { readiness, candidate } = await checkDeployReadiness(reviewId, db);
  if (!readiness.deployable || !candidate) {
    throw new AppError('unprocessable:deploy', `The reference cannot be deployed: ${readiness.reasons.join('; ')}`, {
      details: { reasons: readiness.reasons },
    });
  }
  return candidate;
}
