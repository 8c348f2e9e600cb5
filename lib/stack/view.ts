import { countStackResources, describeStack, getDeployedTemplate, listStackEvents, type StackState } from '../aws/cloudformation';
import { describeEmulator } from '../aws/emulator';
import { describeTarget, resolveAwsTarget, type AwsTarget } from '../aws/target';
import { diffTemplates } from '../diff/template-diff';
import { AppError, toAppError } from '../errors';
import { loadArtifact } from '../pipeline/artifacts';
import type { ReviewDefinition } from '../pipeline/run';
import { analyzeDeployedTemplate, countDeployedFindings } from './analysis';
import type { DeployedAnalysis, DeployedFinding, DeployedView, StackEventView } from './types';

/**
 * The deployed side of a review: the target's stack, its drift from the review's reference, its events and the rules'
 * findings on its template. Every read runs concurrently; an AWS failure becomes `stack.status: 'unavailable'` (or a
 * line in `problems` when only a secondary read failed), never a throw.
 */
export async function loadDeployedView(def: ReviewDefinition, target: AwsTarget = resolveAwsTarget()): Promise<DeployedView> {
  const reads = {
    stack: describeStack(target),
    template: getDeployedTemplate(target),
    events: listStackEvents(target),
    resourceCount: countStackResources(target),
    emulator: describeEmulator(target),
  };
  // Reads whose answer is not used (the stack is absent or unreachable) must not become unhandled rejections.
  for (const read of Object.values(reads)) read.catch(() => undefined);
  const base = { target: describeTarget(target), emulator: await reads.emulator, generatedAt: new Date().toISOString() };
  let stack: StackState;
  try {
    stack = await reads.stack;
  } catch (error) {
    return { ...base, ...nothingDeployed('unavailable'), stack: { status: 'unavailable', message: messageOf(error) } };
  }
  if (!stack.exists) return { ...base, ...nothingDeployed('not-deployed'), stack: { status: 'not-deployed' } };
  // Only now: without a stack the reference (a CDK synthesis when not cached) would be loaded for nothing.
  const reference = loadArtifact(def.reference);

  const problems: string[] = [];
  const [template, events, resourceCount, referenceRead] = await Promise.all([
    settle(reads.template, problems),
    settle(reads.events, problems),
    settle(reads.resourceCount, problems),
    settle(reference, problems, 'Reference'),
  ]);
  const analysis: DeployedAnalysis = template.ok ? 'analyzed' : template.missing ? 'not-deployed' : 'unavailable';
  // The rules wait on the validator thread at the end; the diff runs meanwhile.
  const analyzed = template.ok ? analyzeDeployedTemplate(template.value) : Promise.resolve<DeployedFinding[]>([]);
  const referenceTemplate = referenceRead.ok ? referenceRead.value.template : undefined;
  if (referenceRead.ok && referenceRead.value.state.status === 'failed')
    problems.push(`No drift: the reference could not be loaded (${referenceRead.value.state.message})`);
  const [drift, deployDiff] =
    template.ok && referenceTemplate
      ? [
          diffTemplates(referenceTemplate.template, template.value.template, { from: 'reference', to: 'deployed' }),
          diffTemplates(template.value.template, referenceTemplate.template, { from: 'deployed', to: 'reference' }),
        ]
      : [null, null];
  const deployedFindings = await analyzed;
  return {
    ...base,
    stack: {
      status: 'ok',
      stackStatus: stack.status,
      reason: stack.reason ?? null,
      lastUpdated: stack.lastUpdated,
      outputs: [...stack.outputs],
      resourceCount: resourceCount.ok ? resourceCount.value : null,
    },
    drift,
    deployDiff,
    inSync: drift?.empty ?? false,
    events: events.ok ? events.value : [],
    analysis,
    deployedFindings,
    counts: countDeployedFindings(deployedFindings),
    problems,
  };
}

/** The stack's events, newest first; none when the stack does not exist; other failures throw `unavailable:aws`. */
export async function listDeployedEvents(target: AwsTarget = resolveAwsTarget()): Promise<StackEventView[]> {
  try {
    return await listStackEvents(target);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found:stack') return [];
    throw error;
  }
}

/** The parts of a view that hold nothing when no stack could be read. */
function nothingDeployed(analysis: DeployedAnalysis) {
  const deployedFindings: DeployedFinding[] = [];
  return {
    drift: null,
    deployDiff: null,
    inSync: false,
    events: [],
    analysis,
    deployedFindings,
    counts: countDeployedFindings(deployedFindings),
    problems: [],
  };
}

type Settled<T> = { ok: true; value: T } | { ok: false; missing: boolean };

/**
 * A secondary read's value, or why it failed. `not_found:stack` (no template yet: a change set never executed) is a state,
 * not a problem; any other failure is recorded in `problems`, prefixed with `label` when given.
 */
async function settle<T>(read: Promise<T>, problems: string[], label?: string): Promise<Settled<T>> {
  try {
    return { ok: true, value: await read };
  } catch (error) {
    const missing = error instanceof AppError && error.code === 'not_found:stack';
    if (!missing) problems.push(label ? `${label}: ${messageOf(error)}` : messageOf(error));
    return { ok: false, missing };
  }
}

/** A message safe to show: an AppError's own, a generic one otherwise (logged). */
function messageOf(error: unknown): string {
  const appError = toAppError(error);
  if (appError.code === 'internal:unexpected') console.error(error);
  return appError.message;
}
