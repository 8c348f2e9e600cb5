/*
 * npm run bench: the review's speed side by side with the AWS CDK CLI's `cdk diff --template` on the same pair,
 * all measured in this one run and reported as ratios. Timings are medians of several runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { alignTemplates } from '../lib/align';
import { bundledModelSpec, bundledReview } from '../lib/pipeline/bundled';
import { generateAlignedPair } from './generators/aligned-pair';
import { bucketsAgainstQueue, bucketsWithChanges } from './generators/scaling-pair';
import { compareArtifactsOffThread, shutdownReviewThread } from '../lib/pipeline/review-thread';
import { loadInlineArtifact } from '../lib/pipeline/inline-artifact';
import { reviewArtifacts, runReview } from '../lib/pipeline/run';
import { runRules } from '../lib/rules/engine';
import { dedupeFindings } from '../lib/rules/dedupe';
import type { CfnTemplate } from '../lib/templates/types';

const root = path.resolve(import.meta.dirname, '..');
const modelTemplate = path.join(root, 'infra/model/model.template.json');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const WARM_UP_PAIRS = 12;
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  CDK_DISABLE_VERSION_CHECK: '1',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
  AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
  AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'bench',
  AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'bench',
  AWS_EC2_METADATA_DISABLED: 'true',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall time (ms) of a fresh process, median of `runs`; fails loudly if the command fails. */
function timeProcess(label: string, command: string, args: string[], cwd = root): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    times.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`${label} failed (${result.status}): ${result.stderr.slice(-2000)}`);
  }
  return median(times);
}

/** A variant of the model template that no cache has seen: one property differs per iteration. */
function variantOf(template: { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> }, i: number) {
  const copy = structuredClone(template);
  copy.Resources[`BenchTopic${i}`] = { Type: 'AWS::SNS::Topic', Properties: { DisplayName: `bench-${i}-${Math.random()}` } };
  return copy;
}

async function warmTimings(): Promise<{ newPair: number; repeat: number }> {
  const def = bundledReview(root);
  await runReview(def);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'infra-review-bench-'));
  const base = JSON.parse(readFileSync(modelTemplate, 'utf8'));
  const newPair: number[] = [];
  try {
    // A warm process is one that has reviewed before: the first pairs let V8 optimize the diff and rule code
    // (about ten reviews), as in a dashboard that has been running. Only the pairs after those are measured.
    for (let i = 0; i < WARM_UP_PAIRS + 15; i++) {
      const file = path.join(dir, `model-${i}.json`);
      writeFileSync(file, JSON.stringify(variantOf(base, i), null, 1));
      const started = performance.now();
      await runReview({ ...def, model: { ...bundledModelSpec(root), file } });
      if (i >= WARM_UP_PAIRS) newPair.push(performance.now() - started);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const repeat: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    await runReview(def);
    repeat.push(performance.now() - started);
  }
  return { newPair: median(newPair), repeat: median(repeat) };
}

const ALIGN_UNITS = 50;

/** Median time (ms) to align a generated 500-resource pair whose every resource is renamed (no cache: alignTemplates), and how many pairs are right. */
function alignTimings(): { align: number; right: number; total: number } {
  const { reference, model, truth } = generateAlignedPair(ALIGN_UNITS);
  const times: number[] = [];
  let right = 0;
  for (let i = 0; i < 3 + 9; i++) {
    const started = performance.now();
    const alignment = alignTemplates(reference, model);
    if (i >= 3) times.push(performance.now() - started);
    right = alignment.pairs.filter((pair) => truth.get(pair.reference) === pair.model).length;
  }
  return { align: median(times), right, total: truth.size };
}

const SCALING_SIZES = (process.env.BENCH_SCALING_SIZES ?? '1000,5000,20000').split(',').map(Number);

interface ScalingRow {
  size: number;
  shape: string;
  compare: number;
  ticks: number;
  rules: number;
  /** The whole review (linters included), for sizes the server accepts (INFRA_REVIEW_MAX_RESOURCES, 5,000 by default). */
  review?: number;
}

const WHOLE_REVIEW_MAX = 5000;

/**
 * One measurement per size and shape (these take seconds, so no medians): the comparison as a review makes it (diff,
 * alignment, difference findings; off the main thread from OFF_THREAD_MIN_RESOURCES), with how often a 10 ms timer on
 * the main thread fired meanwhile, and the seed rules with deduplication on the reference (main thread); for sizes
 * the server accepts, the whole review once (both linters included, as a new review pays them). Input bounds of the server do not apply: lib/ is called directly.
 */
async function scalingTimings(): Promise<ScalingRow[]> {
  // The server refuses templates over 5,000 resources (lib/limits); the curve is measured past that on purpose.
  process.env.INFRA_REVIEW_MAX_RESOURCES = String(Math.max(...SCALING_SIZES, 5000));
  process.env.INFRA_REVIEW_MAX_FILE_BYTES = String(64 * 1024 * 1024);
  const load = (label: string, template: CfnTemplate) =>
    loadInlineArtifact(label, [{ name: `${label}.json`, text: JSON.stringify(template, null, 1), role: 'template' }]);
  // The diff thread starts (loading its modules, about a second) on a tiny pair first, so no row pays for that.
  const tiny = bucketsAgainstQueue(1);
  await compareArtifactsOffThread(load('reference', tiny.reference), load('model', tiny.model), { offThread: true });
  const rows: ScalingRow[] = [];
  for (const size of SCALING_SIZES) {
    for (const [shape, pair] of [
      ['vs one queue', bucketsAgainstQueue(size)],
      ['vs 99% with changes', bucketsWithChanges(size)],
    ] as const) {
      const [reference, model] = [load('reference', pair.reference), load('model', pair.model)];
      let ticks = 0;
      const timer = setInterval(() => ticks++, 10);
      const started = performance.now();
      const compared = await compareArtifactsOffThread(reference, model);
      const compare = performance.now() - started;
      clearInterval(timer);
      if (!compared.diff) throw new Error(`no diff for ${size} ${shape}`);
      const rulesStarted = performance.now();
      dedupeFindings(runRules({ template: reference.template?.template, sources: [] }));
      const rules = performance.now() - rulesStarted;
      let review: number | undefined;
      if (size <= WHOLE_REVIEW_MAX && shape === 'vs one queue') {
        const reviewStarted = performance.now();
        const def = { id: `scaling-${size}`, name: 'scaling', reference: { label: 'reference' }, model: { label: 'model' } };
        await reviewArtifacts(def, reference, model);
        review = performance.now() - reviewStarted;
      }
      rows.push({ size, shape, compare, ticks, rules, review });
    }
  }
  await shutdownReviewThread();
  return rows;
}

const node = process.execPath;
const tsx = ['--import', 'tsx'];
console.log(`infra-review benchmark (${runs} runs per process measurement, medians)\n`);
const cli = timeProcess(
  'cdk diff',
  node,
  [path.join(root, 'node_modules/aws-cdk/bin/cdk'), 'diff', '--template', modelTemplate],
  path.join(root, 'infra'),
);
const floor = timeProcess('floor', node, [...tsx, 'bench/floor.mts']);
const cold = timeProcess('cold review', node, [...tsx, 'lib/cli/main.ts', 'review', '--format', 'json']);
const { newPair, repeat } = await warmTimings();
const { align, right, total } = alignTimings();
const scaling = await scalingTimings();

const row = (name: string, ms: number, ratio: string, goal: string, ok: boolean) =>
  console.log(`${name.padEnd(34)} ${ms.toFixed(1).padStart(9)} ms   ${ratio.padEnd(24)} ${goal.padEnd(30)} ${ok ? 'ok' : 'MISSED'}`);
console.log(`${'measurement'.padEnd(34)} ${'median'.padStart(12)}   ${'ratio'.padEnd(24)} ${'goal'.padEnd(30)}`);
row('cdk diff --template (CDK CLI)', cli, 'baseline', '', true);
row('bare floor (libs + synth + diff)', floor, `${(floor / cli).toFixed(2)}x cdk diff`, '', true);
row('cold review (fresh process)', cold, `${(cold / floor).toFixed(2)}x floor`, '<= 1.2x floor', cold / floor <= 1.2);
row(
  'new pair, warm process',
  newPair,
  `${(cli / newPair).toFixed(0)}x faster than cdk diff`,
  '< 100 ms and >= 50x faster',
  newPair < 100 && cli / newPair >= 50,
);
row('repeated review, warm process', repeat, `${(cli / repeat).toFixed(0)}x faster than cdk diff`, '< 5 ms', repeat < 5);
row(`align ${total}-resource pair (renamed)`, align, `${(cli / align).toFixed(0)}x faster than cdk diff`, '< 200 ms', align < 200);
console.log(`\nalignment of the generated pair: ${right} of ${total} resources paired with their true counterpart`);

console.log(`\nscaling: reference of N buckets (compare = diff + alignment + difference findings, as a review makes it)`);
console.log(
  `${'resources'.padEnd(10)} ${'model'.padEnd(20)} ${'compare'.padStart(10)} ${'per 1,000'.padStart(10)} ${'vs cdk diff'.padStart(12)} ${'timer ticks'.padStart(12)} ${'rules'.padStart(10)} ${'whole review'.padStart(13)}`,
);
for (const r of scaling) {
  const perThousand = r.compare / (r.size / 1000);
  console.log(
    `${String(r.size).padEnd(10)} ${r.shape.padEnd(20)} ${`${r.compare.toFixed(0)} ms`.padStart(10)} ${`${perThousand.toFixed(0)} ms`.padStart(10)} ${`${(r.compare / cli).toFixed(2)}x`.padStart(12)} ${String(r.ticks).padStart(12)} ${`${r.rules.toFixed(0)} ms`.padStart(10)} ${(r.review === undefined ? '-' : `${(r.review / 1000).toFixed(1)} s`).padStart(13)}`,
  );
}
const [smallest, largest] = [scaling[0], scaling.filter((r) => r.shape === scaling[0].shape).at(-1)!];
console.log(
  `growth ${smallest.size} -> ${largest.size} resources (${largest.size / smallest.size}x): compare ${(largest.compare / smallest.compare).toFixed(1)}x (linear would be ${largest.size / smallest.size}x, quadratic ${(largest.size / smallest.size) ** 2}x)`,
);
process.exit(0);
