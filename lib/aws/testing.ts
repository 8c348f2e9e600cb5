import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { CreateStackCommand, DeleteStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { cloudFormationClientFor, type AwsTarget } from './target';

const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/ensure-moto.sh');

/** Dummy credentials moto accepts; set only in test processes, never in the app's environment. */
export const MOTO_TEST_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' } as const;

/** Runs scripts/ensure-moto.sh and returns moto's endpoint, or the reason it could not be installed or started. */
export async function ensureMoto(): Promise<{ endpoint: string } | { error: string }> {
  try {
    const { stdout } = await run('bash', [SCRIPT, '--print-endpoint'], { timeout: 300_000 });
    return { endpoint: stdout.trim() };
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    return { error: (e.stderr?.trim() || e.message).split('\n').slice(-3).join(' | ') };
  }
}

/**
 * For a test file's beforeAll: sets moto's dummy credentials and returns its endpoint; in CI a moto that cannot
 * start fails the file, elsewhere the tests of `what` are skipped (undefined, with a warning).
 */
export async function motoEndpointForTests(what: string): Promise<string | undefined> {
  Object.assign(process.env, MOTO_TEST_CREDENTIALS);
  const moto = await ensureMoto();
  if (!('error' in moto)) return moto.endpoint;
  if (process.env.CI) throw new Error(`moto must run in CI: ${moto.error}`);
  console.warn(`Skipping ${what}: moto could not be installed or started (${moto.error})`);
  return undefined;
}

/** A target on `endpoint` in us-east-1 for `stackName`; tests use unique names so runs never collide. */
export function motoTarget(endpoint: string, stackName: string): AwsTarget {
  return { endpoint, region: 'us-east-1', stackName };
}

/** Creates the stack from a template (object, or JSON/YAML text) and waits until it leaves *_IN_PROGRESS; returns the final status. */
export async function createStackAndWait(target: AwsTarget, template: object | string, timeoutMs = 60_000): Promise<string> {
  const client = cloudFormationClientFor(target);
  await client.send(
    new CreateStackCommand({
      StackName: target.stackName,
      TemplateBody: typeof template === 'string' ? template : JSON.stringify(template),
      Capabilities: ['CAPABILITY_IAM'],
    }),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await client.send(new DescribeStacksCommand({ StackName: target.stackName }));
    const status = answer.Stacks?.[0]?.StackStatus ?? 'UNKNOWN';
    if (!status.endsWith('_IN_PROGRESS')) return status;
    if (Date.now() > deadline) throw new Error(`${target.stackName} still ${status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Deletes the stack, ignoring failures: cleanup must not hide a test's own result. */
export async function deleteStackQuietly(target: AwsTarget): Promise<void> {
  await cloudFormationClientFor(target)
    .send(new DeleteStackCommand({ StackName: target.stackName }))
    .catch(() => undefined);
}
