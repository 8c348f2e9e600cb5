import {
  DescribeStacksCommand,
  GetTemplateCommand,
  paginateDescribeStackEvents,
  paginateListStackResources,
  type Stack,
  type StackEvent as SdkStackEvent,
} from '@aws-sdk/client-cloudformation';
import { AppError } from '../errors';
import { parseTemplate } from '../templates/load';
import type { LoadedTemplate } from '../templates/types';
import { isStackMissing, toAwsAppError } from './errors';
import { cloudFormationClientFor, type AwsTarget } from './target';

/** One output of a deployed stack. */
export interface StackOutput {
  readonly key: string;
  readonly value: string;
  readonly description?: string;
  readonly exportName?: string;
}

/** A deployed stack's state as plain JSON; `exists: false` when CloudFormation has no such stack. */
export type StackState =
  | { readonly exists: false }
  | {
      readonly exists: true;
      readonly stackId: string;
      readonly status: string;
      readonly reason?: string;
      readonly createdAt: string;
      /** Last update, or the creation time when the stack was never updated (ISO 8601). */
      readonly lastUpdated: string;
      readonly outputs: readonly StackOutput[];
    };

/** One stack event as plain JSON; `failed` marks a failed operation or the rollback it started. */
export interface StackEventView {
  readonly id: string;
  readonly timestamp: string;
  readonly logicalId: string;
  readonly physicalId?: string;
  readonly resourceType: string;
  readonly status: string;
  readonly reason?: string;
  readonly failed: boolean;
}

/** The stack's status, reason, times and outputs, or `{ exists: false }`; other failures throw an AppError. */
export async function describeStack(target: AwsTarget): Promise<StackState> {
  let stack: Stack | undefined;
  try {
    const answer = await cloudFormationClientFor(target).send(new DescribeStacksCommand({ StackName: target.stackName }));
    stack = answer.Stacks?.[0];
  } catch (error) {
    if (isStackMissing(error)) return { exists: false };
    throw toAwsAppError(error, target, 'DescribeStacks');
  }
  if (!stack) return { exists: false };
  const createdAt = iso(stack.CreationTime);
  return {
    exists: true,
    stackId: stack.StackId ?? target.stackName,
    status: stack.StackStatus ?? 'UNKNOWN',
    ...(stack.StackStatusReason ? { reason: stack.StackStatusReason } : {}),
    createdAt,
    lastUpdated: stack.LastUpdatedTime ? iso(stack.LastUpdatedTime) : createdAt,
    outputs: (stack.Outputs ?? []).map((o) => ({
      key: o.OutputKey ?? '',
      value: o.OutputValue ?? '',
      ...(o.Description ? { description: o.Description } : {}),
      ...(o.ExportName ? { exportName: o.ExportName } : {}),
    })),
  };
}

/** The template the stack was deployed with (stage Original, JSON or YAML), parsed and frozen; `not_found:stack` when absent. */
export async function getDeployedTemplate(target: AwsTarget): Promise<LoadedTemplate> {
  let body: string | undefined;
  try {
    const answer = await cloudFormationClientFor(target).send(
      new GetTemplateCommand({ StackName: target.stackName, TemplateStage: 'Original' }),
    );
    body = answer.TemplateBody;
  } catch (error) {
    throw toAwsAppError(error, target, 'GetTemplate');
  }
  // A stack created by a change set that was never executed has no template yet; moto answers "{}" there.
  if (!body || body.trim() === '{}') {
    throw new AppError('not_found:stack', `Stack ${target.stackName} has no deployed template yet (no change set was executed)`);
  }
  return parseTemplate(body, `${target.stackName} (deployed)`);
}

/** Every event of the stack (all pages), newest first; `not_found:stack` when absent. */
export async function listStackEvents(target: AwsTarget): Promise<StackEventView[]> {
  const events: SdkStackEvent[] = [];
  try {
    const pages = paginateDescribeStackEvents({ client: cloudFormationClientFor(target) }, { StackName: target.stackName });
    for await (const page of pages) events.push(...(page.StackEvents ?? []));
  } catch (error) {
    throw toAwsAppError(error, target, 'DescribeStackEvents');
  }
  // CloudFormation already pages newest first; the stable sort keeps that order for equal timestamps.
  return events.map(toEventView).sort((a, b) => b.timestamp.localeCompare(a.timestamp));
}

/** The stack's events at or after `sinceIso`, newest first; stops paging at the first older event. */
export async function listStackEventsSince(target: AwsTarget, sinceIso: string): Promise<StackEventView[]> {
  const events: StackEventView[] = [];
  try {
    const pages = paginateDescribeStackEvents({ client: cloudFormationClientFor(target) }, { StackName: target.stackName });
    for await (const page of pages) {
      const views = (page.StackEvents ?? []).map(toEventView);
      events.push(...views.filter((event) => event.timestamp >= sinceIso));
      if (views.some((event) => event.timestamp < sinceIso)) break;
    }
  } catch (error) {
    throw toAwsAppError(error, target, 'DescribeStackEvents');
  }
  return events.sort((a, b) => b.timestamp.localeCompare(a.timestamp));
}

/** Number of resources in the stack (all pages of ListStackResources); `not_found:stack` when absent. */
export async function countStackResources(target: AwsTarget): Promise<number> {
  let count = 0;
  try {
    const pages = paginateListStackResources({ client: cloudFormationClientFor(target) }, { StackName: target.stackName });
    for await (const page of pages) count += page.StackResourceSummaries?.length ?? 0;
  } catch (error) {
    throw toAwsAppError(error, target, 'ListStackResources');
  }
  return count;
}

/** Whether an event status is a failure, or the start of the rollback a failure caused. */
export function isFailureStatus(status: string): boolean {
  return /_FAILED$/.test(status) || /(^|_)ROLLBACK_IN_PROGRESS$/.test(status);
}

function toEventView(event: SdkStackEvent): StackEventView {
  const status = event.ResourceStatus ?? 'UNKNOWN';
  return {
    id: event.EventId ?? '',
    timestamp: iso(event.Timestamp),
    logicalId: event.LogicalResourceId ?? '',
    ...(event.PhysicalResourceId ? { physicalId: event.PhysicalResourceId } : {}),
    resourceType: event.ResourceType ?? '',
    status,
    ...(event.ResourceStatusReason ? { reason: event.ResourceStatusReason } : {}),
    failed: isFailureStatus(status),
  };
}

function iso(date: Date | undefined): string {
  return (date ?? new Date(0)).toISOString();
}
