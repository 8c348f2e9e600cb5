import 'server-only';
import { loadDeployedView } from '@/lib/stack/view';
import type { DeployedView } from '@/lib/stack/types';
import { getReviewDefinition } from '@/lib/reviews/registry';
import { loadPanel } from '@/components/panel/load-panel';

/** Why the deployed view could not be built at all (an unknown review, a malformed AWS configuration); safe to show. */
export interface StackLoadError {
  error: string;
}

/** The deployed view of the review with this id; never throws, so the page renders the review and an explained panel. */
export async function loadStackView({ id }: { id: string }): Promise<DeployedView | StackLoadError> {
  const loaded = await loadPanel(
    async () => loadDeployedView(await getReviewDefinition({ id })),
    'Unexpected error while reading the deployed stack.',
  );
  return loaded.status === 'ok' ? loaded.value : { error: loaded.message };
}
