import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  ExecuteChangeSetCommand,
  type Change,
  type DescribeChangeSetCommandOutput,
} from '@aws-sdk/client-cloudformation';
import { AppError } from '../errors';
import { toAwsAppError } from './errors';
import { cloudFormationClientFor, type AwsTarget } from './target';

/** CloudFormation's limit on an inline TemplateBody (larger templates need S3, which needs bootstrapping). */
export const MAX_TEMPLATE_BODY_BYTES = 51_200;

/** A settled change set as plain JSON; `raw` is the merged DescribeChangeSet output (all pages) for the diff library. */
export interface SettledChangeSet {
  id: string;
  stackId: string;
  status: string;
  executionStatus: string;
  reason?: string;
  /** CloudFormation found nothing to change (the change set FAILED with that reason). */
  noChanges: boolean;
  changeCount: number;
  raw: DescribeChangeSetCommandOutput;
}

/** What to create: a change set named `name` of `type` for the target's stack, idempotent on `clientToken`. */
export interface ChangeSetRequest {
  name: string;
  type: 'CREATE' | 'UPDATE';
  templateBody: string;
  clientToken: string;
  description?: string;
}

const PENDING = new Set(['CREATE_PENDING', 'CREATE_IN_PROGRESS', 'DELETE_PENDING', 'DELETE_IN_PROGRESS']);

/** Creates a change set; the template must fit an inline body. Returns its id (ARN). */
export async function createChangeSet(target: AwsTarget, request: ChangeSetRequest): Promise<{ id: string; stackId: string }> {
  const bytes = Buffer.byteLength(request.templateBody);
  if (bytes > MAX_TEMPLATE_BODY_BYTES) {
    throw new AppError(
      'unprocessable:template',
      `The template is ${bytes} bytes; CloudFormation takes at most ${MAX_TEMPLATE_BODY_BYTES} inline`,
    );
  }
  try {
    const answer = await cloudFormationClientFor(target).send(
      new CreateChangeSetCommand({
        StackName: target.stackName,
        ChangeSetName: request.name,
        ChangeSetType: request.type,
        TemplateBody: request.templateBody,
        ClientToken: request.clientToken,
        Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
        ...(request.description ? { Description: request.description.slice(0, 1024) } : {}),
      }),
    );
    return { id: answer.Id ?? request.name, stackId: answer.StackId ?? target.stackName };
  } catch (error) {
    throw toAwsAppError(error, target, 'CreateChangeSet');
  }
}

/** Waits until the change set leaves CREATE_PENDING/IN_PROGRESS, then returns it with every change (all pages, with property values). */
export async function settleChangeSet(
  target: AwsTarget,
  id: string,
  { timeoutMs = 10 * 60_000, pollMs = 1_000 } = {},
): Promise<SettledChangeSet> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const first = await describePage(target, id);
    if (!PENDING.has(first.Status ?? '')) return toSettled(target, id, first);
    if (Date.now() > deadline)
      throw new AppError('unavailable:aws', `Change set ${id} still ${first.Status} after ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Starts executing the change set; idempotent on `clientRequestToken`. */
export async function executeChangeSet(target: AwsTarget, id: string, clientRequestToken: string): Promise<void> {
  try {
    await cloudFormationClientFor(target).send(
      new ExecuteChangeSetCommand({ ChangeSetName: id, StackName: target.stackName, ClientRequestToken: clientRequestToken }),
    );
  } catch (error) {
    throw toAwsAppError(error, target, 'ExecuteChangeSet');
  }
}

/** Deletes the change set; a change set already gone is not an error. */
export async function deleteChangeSet(target: AwsTarget, id: string): Promise<void> {
  try {
    await cloudFormationClientFor(target).send(new DeleteChangeSetCommand({ ChangeSetName: id, StackName: target.stackName }));
  } catch (error) {
    const e = error as { name?: string };
    if (e.name === 'ChangeSetNotFoundException' || e.name === 'ChangeSetNotFound') return;
    throw toAwsAppError(error, target, 'DeleteChangeSet');
  }
}

/** Whether a FAILED change set's reason says the template changes nothing (AWS's and moto's wording). */
export function isNoChangesReason(reason: string | undefined): boolean {
  return /didn't contain changes|No updates are to be performed/i.test(reason ?? '');
}

async function describePage(target: AwsTarget, id: string, nextToken?: string): Promise<DescribeChangeSetCommandOutput> {
  try {
    return await cloudFormationClientFor(target).send(
      new DescribeChangeSetCommand({ ChangeSetName: id, StackName: target.stackName, IncludePropertyValues: true, NextToken: nextToken }),
    );
  } catch (error) {
    throw toAwsAppError(error, target, 'DescribeChangeSet');
  }
}

async function toSettled(target: AwsTarget, id: string, first: DescribeChangeSetCommandOutput): Promise<SettledChangeSet> {
  const changes: Change[] = [...(first.Changes ?? [])];
  for (let token = first.NextToken; token;) {
    const page = await describePage(target, id, token);
    changes.push(...(page.Changes ?? []));
    token = page.NextToken;
  }
  const status = first.Status ?? 'UNKNOWN';
  const noChanges = status === 'FAILED' && isNoChangesReason(first.StatusReason);
  return {
    id: first.ChangeSetId ?? id,
    stackId: first.StackId ?? target.stackName,
    status,
    executionStatus: first.ExecutionStatus ?? 'UNAVAILABLE',
    ...(first.StatusReason ? { reason: first.StatusReason } : {}),
    noChanges,
    // moto lists a spurious Modify on an empty change set; nothing is to change when CloudFormation says so.
    changeCount: noChanges ? 0 : changes.length,
    raw: { ...first, Changes: changes, NextToken: undefined },
  };
}
