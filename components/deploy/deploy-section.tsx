import { getCurrentUser } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';
import { getDeployPanelState } from '@/lib/deploy/panel';
import { toAppError } from '@/lib/errors';
import { DeployControls } from './deploy-controls';

/** The deploy controls for a review's reference, with the state they start from; deployers get the buttons. */
export async function DeploySection({ reviewId }: { reviewId: string }) {
  const user = await getCurrentUser();
  try {
    const state = await getDeployPanelState({ reviewId });
    return <DeployControls initial={state} canDeploy={user !== null && hasRole(user, 'deployer')} />;
  } catch (error) {
    return (
      <p role="alert" data-testid="deploy-unavailable" className="text-sm text-red-700">
        Deploys are unavailable: {toAppError(error).message}
      </p>
    );
  }
}
