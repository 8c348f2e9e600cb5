import type { Kysely } from 'kysely';
import { getAppSettings } from '../admin/settings';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { loadArtifact } from '../review/artifacts';
import { getReviewDefinition } from '../review/registry';
import { runReview } from '../review/run';
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
export async function checkDeployReadiness(reviewId: string, db: Kysely<Database>): Promise<{ readiness: DeployReadiness; candidate?: DeployCandidate }> {
  const def = await getReviewDefinition({ id: reviewId }, db);
  const [review, artifact] = await Promise.all([runReview(def), loadArtifact(def.reference)]);
  if (review.reference.status === 'failed' || !artifact.template) {
    const why = review.reference.status === 'failed' ? review.reference.message : 'no template';
    return { readiness: { deployable: false, reasons: [`The reference failed synthesis: ${why}`] } };
  }
  const templateHash = review.reference.hash;
  const reasons: string[] = [];
  const blocking = review.findings.filter(
    (f) => f.side === 'reference' && f.category === 'deployment' && f.severity === 'error' && !f.acknowledged,
  );
  for (const finding of blocking) reasons.push(`Deployment error in the reference: ${finding.title} (${finding.rule})`);
  if ((await getAppSettings(db)).deployRequiresSignedOffSession && !(await hasSignedOffSession(db, reviewId, templateHash))) {
    reasons.push(`An admin requires a signed-off audit session on this reference (template ${templateHash.slice(0, 12)}) before deploying`);
  }
  const readiness = { deployable: reasons.length === 0, reasons, templateHash };
  return { readiness, candidate: { reviewId, template: artifact.template.template, templateHash } };
}

/** The candidate to deploy, or `unprocessable:deploy` (422) with every reason it cannot be deployed. */
export async function requireDeployCandidate(reviewId: string, db: Kysely<Database>): Promise<DeployCandidate> {
  const { readiness, candidate } = await checkDeployReadiness(reviewId, db);
  if (!readiness.deployable || !candidate) {
    throw new AppError('unprocessable:deploy', `The reference cannot be deployed: ${readiness.reasons.join('; ')}`, { details: { reasons: readiness.reasons } });
  }
  return candidate;
}

async function hasSignedOffSession(db: Kysely<Database>, reviewId: string, templateHash: string): Promise<boolean> {
  const row = await db
    .selectFrom('audit_sessions')
    .select('id')
    .where('review_id', '=', reviewId)
    .where('reference_hash', '=', templateHash)
    .where('status', '=', 'closed')
    .executeTakeFirst();
  return row !== undefined;
}
