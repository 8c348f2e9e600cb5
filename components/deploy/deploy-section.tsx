import { getCurrentUser } from '@/lib/auth/guard';
import type { AuthedUser } from '@/lib/auth/authorize';
import { hasRole } from '@/lib/auth/roles';
import { getDeployPanelState } from '@/lib/deploy/panel';
import { loadPanel } from '@/components/panel/load-panel';
import { DeployControls } from './deploy-controls';
import { DeployHistory } from './deploy-history';

/** The deploy controls for a review's reference, with the state they start from, and the deploy history; deployers get the buttons. */
export async function DeploySection({ reviewId }: { reviewId: string }) {
  const user = await getCurrentUser();
  const state = await loadPanel(() => getDeployPanelState({ reviewId }), 'Unexpected error');
  if (state.status === 'error') {
    return (
      <p role="alert" data-testid="deploy-unavailable" className="text-sm text-red-700">
        Deploys are unavailable: {state.message}
      </p>
    );
  }
  const canDeploy = hasRole(user, 'deployer');
  return (
    <div className="space-y-4">
      <DeployControls initial={state.value} canDeploy={canDeploy} roleNote={canDeploy ? null : roleNoteFor(user)} />
      <DeployHistory deploys={state.value.deploys} />
    </div>
  );
}

/** Why there is no deploy button for this visitor. */
function roleNoteFor(user: AuthedUser | null): string {
  if (!user) return 'Deploying needs the deployer role; sign in as a deployer.';
  return `Deploying needs the deployer role; you are ${user.role === 'admin' ? 'an' : 'a'} ${user.role}.`;
}
