/*
 * npm run bench:deployed: the dashboard's time to show a deployed stack's status, drift and events, side by side in one
 * run with the AWS CDK CLI's `cdk diff` against the same stack on the same CloudFormation endpoint (the moto launcher),
 * as ratios `cdk diff / dashboard`. The reference is deployed by change set to a fresh stack first. Each round runs every
 * measurement once, so that load from other processes falls on all of them alike; medians over the rounds.
 * The CLI runs twice: from a cloud assembly synthesized beforehand (`--app`), and synthesizing infra/ itself; both with
 * `--method=template` (DescribeStacks, GetTemplate, plus STS GetCallerIdentity). Its default method first deletes any
 * change set of its name, which moto 5.2.5 answers for a missing one with an HTTP 500 (UnboundLocalError in
 * delete_change_set): the SDK retries for about 40 s, then the CLI falls back to the template diff anyway.
 * Env: BENCH_RUNS (5 rounds), BENCH_WARM_CALLS (10 per round), BENCH_HTTP=0 to skip `next start` (skipped without a build).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deleteStackQuietly } from '../lib/aws/testing';
import { loadDeployedView } from '../lib/stack/view';
import type { DeployedView } from '../lib/stack/types';
import { bundledReview } from '../lib/pipeline/bundled';
import {
  CDK_BIN,
  cdkEnv,
  deployReference,
  motoStack,
  root,
  runProcess,
  startApp,
  synthAssembly,
  viewerToken,
  type AppServer,
} from './deployed-setup.mts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WARM_CALLS = Number(process.env.BENCH_WARM_CALLS ?? 10);
/** Calls before the warm ones are measured: after a cold call, the next ones speed up for about twenty calls (JIT). */
const WARM_UP_CALLS = 20;
const HTTP = process.env.BENCH_HTTP !== '0' && existsSync(path.join(root, '.next/server/app/api/stack/route.js'));
/** The reference's construct id (infra/bin/app.ts): the CLI selects stacks by it, not by their CloudFormation name. */
const CDK_STACK_ID = 'InfraReviewReference';
const IN_SYNC = /There were no differences/;

type Id = 'cdk' | 'cdkSynth' | 'freshWall' | 'freshFirstCall' | 'warm' | 'httpReady' | 'httpFirst' | 'httpWarm';
const LABELS: Record<Id, string> = {
  cdk: 'cdk diff --method=template, --app assembly',
  cdkSynth: 'cdk diff --method=template, synthesizing',
  freshWall: 'dashboard lib, fresh process (wall)',
  freshFirstCall: 'dashboard lib, fresh process: 1st call',
  warm: 'dashboard lib, warm process',
  httpReady: 'next start until /api/health answers',
  httpFirst: 'GET /api/stack, 1st after start',
  httpWarm: 'GET /api/stack, warm server',
};
const samples: Record<Id, number[]> = {
  cdk: [],
  cdkSynth: [],
  freshWall: [],
  freshFirstCall: [],
  warm: [],
  httpReady: [],
  httpFirst: [],
  httpWarm: [],
};

const work = mkdtempSync(path.join(os.tmpdir(), 'infra-review-bench-deployed-'));
const target = await motoStack();
const appEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(work, 'data'), NEXT_TELEMETRY_DISABLED: '1' };
delete appEnv.DATABASE_URL;
let verification: Record<string, unknown> = {};
try {
  console.log(`Deploying the reference to ${target.stackName} on ${target.endpoint} ...`);
  await deployReference(target);
  await synthAssembly(target, path.join(work, 'cdk.out'));
  await synthAssembly(target, path.join(work, 'nat2.out'), { natGateways: '2' });
  verification = await verifyBothSeeTheDeployedStack();
  const token = HTTP ? await viewerToken(appEnv) : '';
  console.log(`Measuring ${RUNS} rounds${HTTP ? '' : ' (no GET /api/stack: build the app first, or BENCH_HTTP=0 was set)'} ...`);
  for (let round = 0; round < RUNS; round++) {
    samples.cdk.push(expectInSync(await cdkDiff('cdk.out')).ms);
    samples.cdkSynth.push(expectInSync(await cdkDiff()).ms);
    const fresh = await runProcess(process.execPath, ['--import', 'tsx', 'bench/deployed-once.mts'], { cwd: root, env: appEnv });
    const shown = JSON.parse(fresh.stdout.trim().split('\n').at(-1)!) as {
      firstCallMs: number;
      stackStatus: string;
      inSync: boolean;
      events: number;
    };
    if (shown.stackStatus !== 'CREATE_COMPLETE' || !shown.inSync || shown.events === 0)
      throw new Error(`the fresh process showed ${fresh.stdout}`);
    samples.freshWall.push(fresh.ms);
    samples.freshFirstCall.push(shown.firstCallMs);
    samples.warm.push(await warmLibCalls());
    if (HTTP) await httpRound(token);
  }
  report();
} finally {
  await deleteStackQuietly(target);
  rmSync(work, { recursive: true, force: true });
}
// The validator thread of the in-process views would hold the process for a moment after the report.
process.exit(process.exitCode ?? 0);

/** `cdk diff` of the reference against the deployed stack: from the assembly in `work/<assembly>`, or synthesizing in infra/. */
function cdkDiff(assembly?: string) {
  const args = [CDK_BIN, 'diff', CDK_STACK_ID, '--method=template'];
  if (assembly) return runProcess(process.execPath, [...args, '--app', assembly], { cwd: work, env: cdkEnv(target) });
  return runProcess(process.execPath, [...args, '-c', `stackName=${target.stackName}`, '-o', path.join(work, 'synth.out')], {
    cwd: path.join(root, 'infra'),
    env: cdkEnv(target),
  });
}

function expectInSync<T extends { stdout: string; stderr: string }>(run: T): T {
  if (!IN_SYNC.test(run.stdout + run.stderr))
    throw new Error(`cdk diff found differences on an in-sync stack:\n${run.stdout}${run.stderr}`);
  return run;
}

/** Both sides read the deployed stack: no differences for the reference as deployed, NAT gateway changes for natGateways=2. */
async function verifyBothSeeTheDeployedStack(): Promise<Record<string, unknown>> {
  const cdkInSync = expectInSync(await cdkDiff('cdk.out'));
  const cdkNat2 = await cdkDiff('nat2.out');
  const cdkNat2Output = cdkNat2.stdout + cdkNat2.stderr;
  if (IN_SYNC.test(cdkNat2Output) || !/AWS::EC2::NatGateway/.test(cdkNat2Output))
    throw new Error(`cdk diff did not see natGateways=2 differ:\n${cdkNat2Output}`);
  const view = expectShown(await loadDeployedView(bundledReview(root), target));
  const nat2 = await loadDeployedView(bundledReview(root, { natGateways: 2 }), target);
  const nat2Changed = nat2.drift?.resources.filter((r) => r.type === 'AWS::EC2::NatGateway').map((r) => `${r.change} ${r.logicalId}`) ?? [];
  if (nat2.inSync || nat2Changed.length === 0)
    throw new Error(`the dashboard did not see natGateways=2 differ: ${JSON.stringify(nat2.drift)}`);
  const result = {
    cdkInSync: cdkInSync.stdout.concat(cdkInSync.stderr).match(IN_SYNC)?.[0],
    cdkNatGateways2: cdkNat2Output.match(/.*AWS::EC2::NatGateway.*/g),
    dashboardInSync: {
      stackStatus: view.stack.status === 'ok' ? view.stack.stackStatus : view.stack.status,
      inSync: view.inSync,
      events: view.events.length,
    },
    dashboardNatGateways2: nat2Changed,
  };
  console.log('Verified: both read the deployed stack', JSON.stringify(result, null, 1));
  return result;
}

/** The view shows the deployed stack complete, in sync, with events (else the timing would be of something else). */
function expectShown(view: DeployedView): DeployedView {
  if (
    view.stack.status !== 'ok' ||
    view.stack.stackStatus !== 'CREATE_COMPLETE' ||
    !view.inSync ||
    view.events.length === 0 ||
    view.problems.length > 0
  ) {
    throw new Error(
      `the dashboard showed ${JSON.stringify({ stack: view.stack, inSync: view.inSync, events: view.events.length, problems: view.problems })}`,
    );
  }
  return view;
}

/** Median of WARM_CALLS calls of the view in this process, which has shown it before, after WARM_UP_CALLS more. */
async function warmLibCalls(): Promise<number> {
  const def = bundledReview(root);
  const times: number[] = [];
  for (let i = 0; i < WARM_UP_CALLS + WARM_CALLS; i++) {
    const started = performance.now();
    expectShown(await loadDeployedView(def, target));
    if (i >= WARM_UP_CALLS) times.push(performance.now() - started);
  }
  return median(times);
}

/** A fresh `next start`: its start-up, its first GET /api/stack, then (after WARM_UP_CALLS) the median of WARM_CALLS more. */
async function httpRound(token: string): Promise<void> {
  const server: AppServer = await startApp(appEnv);
  try {
    samples.httpReady.push(server.readyMs);
    samples.httpFirst.push(await getStack(server, token));
    for (let i = 0; i < WARM_UP_CALLS; i++) await getStack(server, token);
    const times: number[] = [];
    for (let i = 0; i < WARM_CALLS; i++) times.push(await getStack(server, token));
    samples.httpWarm.push(median(times));
  } finally {
    await server.stop();
  }
}

/** Time of one GET /api/stack, body read and checked. */
async function getStack(server: AppServer, token: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${server.base}/api/stack`, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET /api/stack answered ${response.status}: ${body.slice(0, 500)}`);
  expectShown(JSON.parse(body) as DeployedView);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Prints the table (ratios against both `cdk diff` baselines of this run) and writes reports/bench-deployed.json. */
function report(): void {
  const cdk = median(samples.cdk);
  const cdkSynth = median(samples.cdkSynth);
  const rows = (Object.keys(LABELS) as Id[])
    .filter((id) => samples[id].length > 0)
    .map((id) => {
      const m = median(samples[id]);
      return {
        id,
        label: LABELS[id],
        medianMs: m,
        minMs: Math.min(...samples[id]),
        maxMs: Math.max(...samples[id]),
        cdkOverThis: cdk / m,
        cdkSynthOverThis: cdkSynth / m,
        samplesMs: samples[id],
      };
    });
  const ms = (v: number) => `${v < 100 ? v.toFixed(1) : v.toFixed(0)} ms`;
  const ratio = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(0)}x`;
  console.log(
    `\n${os.cpus().length} cores; ${RUNS} rounds (warm: median of ${WARM_CALLS} calls per round, after ${WARM_UP_CALLS}); stack ${target.stackName} on ${target.endpoint}`,
  );
  console.log(
    `${'measurement'.padEnd(42)} ${'median'.padStart(9)} ${'min – max'.padStart(19)}   ${'cdk diff / this'.padStart(15)}   ${'cdk diff+synth / this'.padStart(21)}`,
  );
  for (const r of rows) {
    const spread = `${ms(r.minMs)} – ${ms(r.maxMs)}`;
    console.log(
      `${r.label.padEnd(42)} ${ms(r.medianMs).padStart(9)} ${spread.padStart(19)}   ${ratio(r.cdkOverThis).padStart(15)}   ${ratio(r.cdkSynthOverThis).padStart(21)}`,
    );
  }
  const file = path.join(root, 'reports/bench-deployed.json');
  mkdirSync(path.dirname(file), { recursive: true });
  const cdkVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/aws-cdk/package.json'), 'utf8')) as { version: string })
    .version;
  writeFileSync(
    file,
    JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        machine: { cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}` },
        runs: RUNS,
        warmCallsPerRound: WARM_CALLS,
        warmUpCallsPerRound: WARM_UP_CALLS,
        target: { endpoint: target.endpoint, region: target.region, stackName: target.stackName },
        cdk: {
          version: cdkVersion,
          command: `cdk diff ${CDK_STACK_ID} --method=template --app <assembly>`,
          endpoints: ['AWS_ENDPOINT_URL_CLOUDFORMATION', 'AWS_ENDPOINT_URL_STS'],
        },
        verification,
        measurements: rows,
      },
      null,
      2,
    ),
  );
  console.log(`\nWritten to ${path.relative(process.cwd(), file)}`);
}
