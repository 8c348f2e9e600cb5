/*
 * Setup for `npm run bench:deployed`: the reference deployed to a fresh stack on the moto launcher, the environment the
 * AWS CDK CLI needs to diff against it there, and the built app started with a viewer's API token. Nothing here is timed
 * but the processes `runProcess` reports and the start-up `startApp` reports.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { createChangeSet, executeChangeSet, settleChangeSet } from '../lib/aws/changesets';
import { describeStack } from '../lib/aws/cloudformation';
import type { AwsTarget } from '../lib/aws/target';
import { ensureMoto, MOTO_TEST_CREDENTIALS } from '../lib/aws/testing';

export const root = path.resolve(import.meta.dirname, '..');
export const CDK_BIN = path.join(root, 'node_modules/aws-cdk/bin/cdk');
const NEXT_BIN = path.join(root, 'node_modules/next/dist/bin/next');
const TSX_BIN = path.join(root, 'node_modules/.bin/tsx');

// Required, not imported: tsx hands a CommonJS module imported from ESM over as a data: URL, from which synthesize's own
// `import('tsx/esm/api')` cannot resolve. Modules loaded by require keep their file path.
const require = createRequire(import.meta.url);
const { referenceSpec } = require('../lib/pipeline/bundled') as typeof import('../lib/pipeline/bundled');
const { synthesize } = require('../lib/synth/synthesize') as typeof import('../lib/synth/synthesize');

/**
 * A fresh stack name on the moto launcher (started if needed). Sets, in this process, the environment the app reads for
 * its target (`AWS_ENDPOINT_URL_CLOUDFORMATION`, `AWS_REGION`, `INFRA_REVIEW_STACK_NAME`) and moto's dummy credentials.
 */
export async function motoStack(): Promise<AwsTarget> {
  const moto = await ensureMoto();
  if ('error' in moto) throw new Error(`the moto launcher could not be started: ${moto.error}`);
  const target: AwsTarget = { endpoint: moto.endpoint, region: 'us-east-1', stackName: `IrBench-${Date.now().toString(36)}${process.pid}` };
  Object.assign(process.env, MOTO_TEST_CREDENTIALS, {
    AWS_REGION: target.region,
    AWS_ENDPOINT_URL_CLOUDFORMATION: target.endpoint,
    INFRA_REVIEW_STACK_NAME: target.stackName,
  });
  return target;
}

/** Synthesizes the reference in-process and deploys it as a new stack: a CREATE change set, executed to CREATE_COMPLETE. */
export async function deployReference(target: AwsTarget): Promise<void> {
  const synthesis = await synthesize(referenceSpec(root).cdk!);
  if (synthesis.status !== 'ok') throw new Error(synthesis.message);
  const token = `${target.stackName}-create`;
  const { id } = await createChangeSet(target, {
    name: token,
    type: 'CREATE',
    templateBody: JSON.stringify(synthesis.template),
    clientToken: token,
  });
  const changeSet = await settleChangeSet(target, id, { pollMs: 250 });
  if (changeSet.status !== 'CREATE_COMPLETE') throw new Error(`change set ${changeSet.status}: ${changeSet.reason ?? ''}`);
  await executeChangeSet(target, id, token);
  // Only lib/aws talks to the SDK (lib/aws/boundary.test.ts): wait through describeStack.
  for (const deadline = Date.now() + 120_000; ;) {
    const stack = await describeStack(target);
    if (stack.exists && stack.status === 'CREATE_COMPLETE') return;
    if ((stack.exists && !stack.status.endsWith('_IN_PROGRESS')) || Date.now() > deadline) {
      throw new Error(`${target.stackName} did not reach CREATE_COMPLETE: ${stack.exists ? stack.status : 'missing'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/**
 * The CDK CLI's environment for the target: CloudFormation (DescribeStacks, GetTemplate) and STS (GetCallerIdentity: the
 * reference's environment names no account) on the same endpoint, no version check, telemetry or Node version notices.
 */
export function cdkEnv(target: AwsTarget): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...MOTO_TEST_CREDENTIALS,
    AWS_REGION: target.region,
    AWS_ENDPOINT_URL_CLOUDFORMATION: target.endpoint,
    AWS_ENDPOINT_URL_STS: target.endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    CDK_DISABLE_VERSION_CHECK: '1',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    NODE_NO_WARNINGS: '1',
  };
}

/** `cdk synth` of the reference for the target's stack name (and more `context`) into `outdir`: a cloud assembly for `--app`. */
export async function synthAssembly(target: AwsTarget, outdir: string, context: Record<string, string> = {}): Promise<void> {
  const contextArgs = Object.entries({ stackName: target.stackName, ...context }).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
  await runProcess(process.execPath, [CDK_BIN, 'synth', '-q', ...contextArgs, '-o', outdir], {
    cwd: path.join(root, 'infra'),
    env: cdkEnv(target),
  });
}

/** A finished process: its wall time from spawn to exit, and what it wrote. */
export interface ProcessRun {
  ms: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; rejects with the end of its output when it exits non-zero. */
export function runProcess(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve({ ms, stdout, stderr });
      else
        reject(
          new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(' ')} exited ${code}: ${(stdout + stderr).slice(-2000)}`),
        );
    });
  });
}

/** A new viewer and their API token in the database `env` configures, made with the project's CLI (`user add`, `token create`). */
export async function viewerToken(env: NodeJS.ProcessEnv): Promise<string> {
  const cli = (...args: string[]) => runProcess(TSX_BIN, ['lib/cli/main.ts', ...args], { cwd: root, env });
  const email = `bench-${process.pid}@test.invalid`;
  await cli('user', 'add', '--email', email, '--role', 'viewer');
  const { stdout } = await cli('token', 'create', '--email', email, '--name', 'bench:deployed');
  return stdout.trim().split('\n').at(-1)!;
}

/** The built app (`next start`) on a free loopback port. */
export interface AppServer {
  base: string;
  /** From spawn to the first healthy answer of /api/health. */
  readyMs: number;
  stop(): Promise<void>;
}

/** Starts `next start` from the repository's `.next` build and waits for /api/health; stops it again if it never answers. */
export async function startApp(env: NodeJS.ProcessEnv): Promise<AppServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill();
    });
  for (const deadline = Date.now() + 90_000; Date.now() < deadline;) {
    if (child.exitCode !== null) throw new Error(`next start exited ${child.exitCode}: ${stderr}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { base, readyMs: performance.now() - started, stop };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  throw new Error(`next start did not answer on ${base} within 90 s: ${stderr}`);
}

/** A TCP port free on loopback right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
