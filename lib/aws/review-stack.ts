import { DeleteStackCommand, ListChangeSetsCommand } from '@aws-sdk/client-cloudformation';
import { AppError } from '../errors';
import { countStackResources, describeStack } from './cloudformation';
import { toAwsAppError } from './errors';
import { cloudFormationClientFor, type AwsTarget } from './target';

/**
 * Deletes the target's stack when it is an empty shell in REVIEW_IN_PROGRESS (what a first deploy whose CREATE change
 * set was cancelled or rejected leaves behind) and waits until it is gone; returns whether it deleted one. A stack in
 * any other state, or one holding resources, is left alone; with `onlyWithoutChangeSets`, so is a shell that still
 * has change sets (a deploy that does not hold the stack's lock must not delete another deploy's fresh one).
 */
export async function deleteAbandonedReviewStack(
  target: AwsTarget,
  { timeoutMs = 60_000, pollMs = 500, onlyWithoutChangeSets = false } = {},
): Promise<boolean> {
  const stack = await describeStack(target);
  if (!stack.exists || stack.status !== 'REVIEW_IN_PROGRESS') return false;
  if ((await countStackResources(target)) > 0) return false;
  if (onlyWithoutChangeSets && (await hasChangeSets(target, stack.stackId))) return false;
  try {
    // By id, not name: only the shell we looked at is deleted, never a stack someone created meanwhile.
    await cloudFormationClientFor(target).send(new DeleteStackCommand({ StackName: stack.stackId }));
  } catch (error) {
    throw toAwsAppError(error, target, 'DeleteStack');
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await describeStack(target);
    if (!now.exists || now.stackId !== stack.stackId || now.status === 'DELETE_COMPLETE') return true;
    if (Date.now() > deadline) {
      throw new AppError(
        'unavailable:aws',
        `Stack ${target.stackName} still ${now.status} ${Math.round(timeoutMs / 1000)} s after DeleteStack`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

async function hasChangeSets(target: AwsTarget, stackId: string): Promise<boolean> {
  try {
    const answer = await cloudFormationClientFor(target).send(new ListChangeSetsCommand({ StackName: stackId }));
    // moto lists every stack's change sets whatever StackName says: keep this stack's.
    return (answer.Summaries ?? []).some((summary) => summary.StackId === stackId && summary.Status !== 'DELETE_COMPLETE');
  } catch (error) {
    throw toAwsAppError(error, target, 'ListChangeSets');
  }
}
