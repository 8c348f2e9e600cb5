/*
 * npm run bench:nag [-- ROUNDS]: times cdk-nag packs per template with runNagPacks. Cold: the first run in a fresh
 * process (imports aws-cdk-lib and cdk-nag, builds the pack instances), measured once per pack set in a child process.
 * Warm: the median of ROUNDS (default 9) further runs in this process, with the loaded packs cached. Templates: a
 * one-bucket template and the seed's model template (infra/model/model.template.json). Writes reports/bench-nag.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RULE_PACK_IDS, type RulePackId } from '../lib/rules/cdk-nag/packs';
import { NAG_UNAVAILABLE_RULE, runNagPacks } from '../lib/rules/cdk-nag/run';
import type { CfnTemplate } from '../lib/templates/types';

const root = path.resolve(import.meta.dirname, '..');
const rounds = Number(process.argv[2] ?? 9);
const TEMPLATES: Record<string, CfnTemplate> = {
  'one-bucket': { Resources: { Data: { Type: 'AWS::S3::Bucket', Properties: {} } } },
  'seed-model': JSON.parse(readFileSync(path.join(root, 'infra/model/model.template.json'), 'utf8')),
};
const SELECTIONS: Record<string, RulePackId[]> = { ...Object.fromEntries(RULE_PACK_IDS.map((id) => [id, [id]])), all: [...RULE_PACK_IDS] };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** In a child process: ms of the first run (cold) of `packs` on `template`, and the number of findings. */
if (process.env.NAG_BENCH_CHILD) {
  const { template, packs } = JSON.parse(process.env.NAG_BENCH_CHILD) as { template: string; packs: RulePackId[] };
  const started = performance.now();
  const findings = await runNagPacks(TEMPLATES[template], packs);
  const failure = findings.find((f) => f.rule === NAG_UNAVAILABLE_RULE);
  if (failure) throw new Error(failure.message);
  process.stdout.write(JSON.stringify({ ms: performance.now() - started, findings: findings.length }));
  process.exit(0);
}

function cold(template: string, packs: RulePackId[]): { ms: number; findings: number } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/nag.bench.mts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NAG_BENCH_CHILD: JSON.stringify({ template, packs }) },
  });
  if (result.status !== 0) throw new Error(`cold run failed: ${result.stderr.slice(-2000)}`);
  return JSON.parse(result.stdout);
}

async function warm(template: string, packs: RulePackId[]): Promise<number> {
  await runNagPacks(TEMPLATES[template], packs);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await runNagPacks(TEMPLATES[template], packs);
    times.push(performance.now() - started);
  }
  return median(times);
}

const rows: { template: string; packs: string; findings: number; coldMs: number; warmMs: number }[] = [];
for (const template of Object.keys(TEMPLATES)) {
  for (const [name, packs] of Object.entries(SELECTIONS)) {
    const c = cold(template, packs);
    rows.push({ template, packs: name, findings: c.findings, coldMs: Math.round(c.ms), warmMs: Math.round(await warm(template, packs)) });
    console.log(rows.at(-1));
  }
}
mkdirSync(path.join(root, 'reports'), { recursive: true });
writeFileSync(
  path.join(root, 'reports/bench-nag.json'),
  `${JSON.stringify({ rounds, node: process.version, at: new Date().toISOString(), rows }, null, 2)}\n`,
);
console.table(rows);
