/*
 * npm run bench:import [-- N]: imports N (default 1000, or IMPORT_BENCH_FOLDERS) generated CloudFormation task folders
 * with the CLI in a fresh process on a fresh SQLite database, once storing only (`--no-analyze`, reviews analyzed when
 * first opened) and once analyzing every review, and reports folders per second. Then, in this process, it times the
 * analysis of the same templates by infra-review (with and without a cdk-nag pack), by cdk-nag alone and by
 * `@aws/cloudformation-validate` alone, side by side, as ratios to the validator alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeArtifact } from '../lib/rules/analyze';
import { runNagPacks } from '../lib/rules/cdk-nag/run';
import { prewarmValidator, shutdownValidator, validateTemplateText } from '../lib/rules/cfn-validate/client';
import { templateVariant, writeCfnCorpus } from './generators/task-corpus';
import { parseTemplate } from '../lib/templates/load';

const root = path.resolve(import.meta.dirname, '..');
const count = Number(process.argv[2] ?? process.env.IMPORT_BENCH_FOLDERS ?? 1000);
if (!Number.isInteger(count) || count < 1) throw new Error(`folder count must be a positive integer, got ${process.argv[2]}`);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Imports the corpus with the CLI into a fresh database; wall time and how many were imported. */
function importOnce(corpus: string, extra: string[]): { ms: number; imported: number } {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'infra-review-bench-db-'));
  try {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', 'import', corpus, '--json', ...extra], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    const ms = performance.now() - started;
    if (result.status !== 0) throw new Error(`import failed (${result.status}): ${result.stderr.slice(-2000)}`);
    const outcomes = JSON.parse(result.stdout).outcomes as { ok: boolean; status: string }[];
    return { ms, imported: outcomes.filter((o) => o.ok && o.status !== 'failed').length };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const corpusRoot = mkdtempSync(path.join(os.tmpdir(), 'infra-review-bench-corpus-'));
try {
  const started = performance.now();
  writeCfnCorpus(corpusRoot, count);
  console.log(`generated ${count} CloudFormation task folders in ${Math.round(performance.now() - started)} ms`);
  const rows: [string, number, number][] = [];
  for (const [label, extra] of [
    ['store only (--no-analyze)', ['--no-analyze']],
    ['store and analyze (--concurrency 2)', []],
  ] as const) {
    const { ms, imported } = importOnce(corpusRoot, [...extra]);
    if (imported !== count) throw new Error(`${label}: imported ${imported} of ${count}`);
    rows.push([label, ms, count / (ms / 1000)]);
  }
  console.log('\n| import (fresh process, SQLite) | folders | wall | folders/s |\n|---|---|---|---|');
  for (const [label, ms, rate] of rows) console.log(`| ${label} | ${count} | ${(ms / 1000).toFixed(1)} s | ${rate.toFixed(1)} |`);

  prewarmValidator();
  const templates = Array.from({ length: 90 }, (_, i) => templateVariant(i + 5000));
  const parsed = (i: number) => parseTemplate(templates[i], `t${i}.yaml`);
  const contenders: Array<[string, (i: number) => Promise<unknown>]> = [
    ['@aws/cloudformation-validate alone', (i) => validateTemplateText(templates[i], `t${i}.yaml`)],
    ['cdk-nag alone (AWS Solutions pack)', (i) => runNagPacks(parsed(i).template, ['aws-solutions'])],
    [
      'infra-review: seed rules + @aws/cloudformation-validate (analyzeArtifact)',
      (i) => analyzeArtifact({ template: parsed(i), sources: [] }),
    ],
    [
      'infra-review with the AWS Solutions pack (seed + validator + cdk-nag, deduplicated)',
      (i) => analyzeArtifact({ template: parsed(i), sources: [] }, { packs: ['aws-solutions'] }),
    ],
  ];
  // Interleaved rounds on fresh templates (no tool sees a template twice), after a warm-up round of each:
  // every contender runs under the same JIT state and background load.
  const samples = contenders.map(() => [] as number[]);
  for (const [k, [, fn]] of contenders.entries()) await fn(85 + k);
  for (let round = 0; round < 20; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const which = (k + round) % contenders.length;
      const started = performance.now();
      await contenders[which][1](round * 4 + which);
      samples[which].push(performance.now() - started);
    }
  }
  const alone = median(samples[0]);
  console.log('\n| analyze one template (warm process, median of 20 interleaved rounds) | ms | vs validator alone |\n|---|---|---|');
  contenders.forEach(([label], k) =>
    console.log(`| ${label} | ${median(samples[k]).toFixed(1)} | ${(median(samples[k]) / alone).toFixed(2)}x |`),
  );
  await shutdownValidator();
} finally {
  rmSync(corpusRoot, { recursive: true, force: true });
}
