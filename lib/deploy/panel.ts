import { BUNDLED_REVIEW_ID } from '../pipeline/bundled';
import { checkDeployReadiness, type DeployReadiness } from './gate';
import { targetLabelOf } from './records';
import { deployContext, listDeploys, type DeployDeps } from './service';
import type { DeployView } from './types';

/** What the deploy controls show: the target, whether the reference can be deployed, the deploy in flight and recent ones. */
export interface DeployPanelState {
  target: string;
  reviewId: string;
  readiness: DeployReadiness;
  active: DeployView | null;
  deploys: DeployView[];
}

/** The deploy controls' state for a review (the bundled one by default); plain JSON. */
export async function getDeployPanelState({ reviewId = BUNDLED_REVIEW_ID } = {}, deps: DeployDeps = {}): Promise<DeployPanelState> {
  const ctx = deployContext(deps);
  const [{ readiness }, { active, deploys }] = await Promise.all([
    checkDeployReadiness(reviewId, ctx.handle.db),
    listDeploys({ limit: 10 }, deps),
  ]);
  return { target: targetLabelOf(ctx.target), reviewId, readiness, active, deploys };
}
