import { getCurrentUser } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';
import { getDeployPanelState } from '@/lib/deploy/panel';
import { loadPanel } from '@/components/panel/load-panel';
import { DeployControls } from './deploy-controls';

/** The deploy controls for a review's reference, with the state they start from; deployers get the buttons. */
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
  return <DeployControls initial={state.value} canDeploy={user !== null && hasRole(user, 'deployer')} />;
}
