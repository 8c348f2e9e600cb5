/*
 * npm run bench:synth [-- --only <glob>[,<glob>...]] [--limit N] [--side model|ideal] [--corpus <dir>] [--tsc] [--validate]
 * Synthesizes the CDK tasks of ../shared/corpus (cdk-ts-*, cdk-py-*), the model's answer and the ideal code, both
 * plain (`cdk synth` over a `cdk init` scaffold, outside any sandbox, for comparison only: bench/synth/plain.mts) and
 * isolated (synthesizeIsolated), at most 2 syntheses at once. `--tsc` type-checks first as the scaffold's cdk.json
 * does (the isolated synthesis does not by default); `--validate` keeps aws-cdk-lib's CloudFormation validation on.
 * Prints a table per answer and totals; writes reports/bench-synth.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { synthesizeIsolated } from '../lib/synth/isolated';
import { AGREEMENTS, isolatedOutcome, plainOutcome, resourceDiff, verdictOf, type Outcome, type Verdict } from './synth/compare.mts';
import { synthesizePlain } from './synth/plain.mts';
import { corpusAnswers, type BenchAnswer, type Side } from './synth/tasks.mts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    limit: { type: 'string' },
    side: { type: 'string' },
    corpus: { type: 'string' },
    tsc: { type: 'boolean' },
  },
});
if (values.side && values.side !== 'model' && values.side !== 'ideal') throw new Error('--side is model or ideal');
const globToRegExp = (glob: string) =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
const answers = corpusAnswers(path.resolve(values.corpus ?? path.join(root, '../shared/corpus')), {
  only: values.only
    ? new RegExp(
        values.only
          .split(',')
          .map((glob) => globToRegExp(glob).source)
          .join('|'),
      )
    : undefined,
  limit: values.limit ? Number(values.limit) : undefined,
  sides: values.side ? [values.side as Side] : ['model', 'ideal'],
});

/** The .cache venv's python (installed by scripts/ensure-python-cdk.sh) when Python answers are measured. */
function venvPython(): string | undefined {
  if (!answers.some((a) => a.language === 'python')) return undefined;
  const ensured = spawnSync('bash', [path.join(root, 'scripts/ensure-python-cdk.sh'), '--print-python'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return ensured.status === 0 ? ensured.stdout.trim() : undefined;
}
const python = venvPython();

interface Row {
  task: string;
  side: Side;
  language: string;
  files: number;
  plain: Outcome;
  isolated: Outcome;
  verdict: Verdict;
  resourceDiff?: Record<string, Record<string, number>>;
}

const NO_FILES = 'no named CDK code files to synthesize';

async function measure(answer: BenchAnswer, job: 'plain' | 'isolated'): Promise<Outcome> {
  // The review synthesizes nothing when extraction found no named file (source rules only); neither side does here.
  if (answer.files.length === 0) return { status: 'failed', ms: 0, error: NO_FILES, detail: NO_FILES };
  const started = performance.now();
  if (job === 'plain') {
    if (answer.language === 'python' && !python) return { status: 'unsupported', ms: 0, error: 'no Python CDK venv' };
    return plainOutcome(await synthesizePlain(answer.files, answer.language, { python, typeCheck: values.tsc, validate: values.validate }));
  }
  const result = await synthesizeIsolated({ files: answer.files, language: answer.language });
  return isolatedOutcome(result, performance.now() - started);
}

// Jobs alternate plain and isolated per answer so both see the same background load; 2 run at once.
const jobs = answers.flatMap((answer, i) => (['plain', 'isolated'] as const).map((job) => ({ i, answer, job })));
const outcomes = answers.map(() => ({}) as { plain?: Outcome; isolated?: Outcome });
let next = 0;
let done = 0;
async function worker() {
  while (next < jobs.length) {
    const { i, answer, job } = jobs[next++];
    // A fault of the bench itself is recorded on its answer; the other answers are still measured.
    outcomes[i][job] = await measure(answer, job).catch((error: Error) => ({
      status: 'failed' as const,
      ms: 0,
      error: `bench: ${error.message}`,
    }));
    done += 1;
    if (outcomes[i].plain && outcomes[i].isolated)
      process.stderr.write(`bench:synth ${done}/${jobs.length} ${answer.task} ${answer.side}\n`);
  }
}
const wallStarted = performance.now();
await Promise.all([worker(), worker()]);
const wallMs = performance.now() - wallStarted;

const rows: Row[] = answers.map((answer, i) => {
  const { plain, isolated } = outcomes[i] as Required<(typeof outcomes)[number]>;
  const verdict = verdictOf(plain, isolated);
  const diff = verdict === 'different-resources' ? { resourceDiff: resourceDiff(plain, isolated) } : {};
  return { task: answer.task, side: answer.side, language: answer.language, files: answer.files.length, verdict, ...diff, plain, isolated };
});

const sum = (pick: (row: Row) => number, of = rows) => of.reduce((total, row) => total + pick(row), 0);
const count = (verdict: Verdict) => rows.filter((r) => r.verdict === verdict).length;
const measured = rows.filter((r) => r.verdict !== 'unsupported');
const totals = {
  answers: rows.length,
  verdicts: Object.fromEntries(
    (
      [
        'same-resources',
        'different-resources',
        'same-error',
        'different-error',
        'plain-only-ok',
        'isolated-only-ok',
        'unsupported',
      ] as Verdict[]
    ).map((v) => [v, count(v)]),
  ),
  differences: rows.filter((r) => !AGREEMENTS.includes(r.verdict) && r.verdict !== 'unsupported').length,
  plainOk: rows.filter((r) => r.plain.status === 'ok').length,
  isolatedOk: rows.filter((r) => r.isolated.status === 'ok').length,
  plainMs: Math.round(sum((r) => r.plain.ms, measured)),
  isolatedMs: Math.round(sum((r) => r.isolated.ms, measured)),
  isolatedOverPlain: Number(
    (
      sum((r) => r.isolated.ms, measured) /
      Math.max(
        1,
        sum((r) => r.plain.ms, measured),
      )
    ).toFixed(2),
  ),
  wallMs: Math.round(wallMs),
};

const cell = (o: Outcome) => (o.status === 'ok' ? `ok ${Object.values(o.resources!).join('+') || 0}` : o.status);
const pad = (text: string, width: number) => text.slice(0, width).padEnd(width);
console.log(
  `${pad('task', 16)} ${pad('side', 5)} ${pad('verdict', 19)} ${pad('plain', 14)} ${pad('isolated', 14)} ${pad('plain s', 8)} isolated s  note`,
);
for (const r of rows) {
  const note = AGREEMENTS.includes(r.verdict) && r.verdict === 'same-resources' ? '' : (r.isolated.error ?? r.plain.error ?? '');
  const plainNote = r.plain.status === 'failed' && r.isolated.status !== 'failed' ? r.plain.error : '';
  console.log(
    `${pad(r.task, 16)} ${pad(r.side, 5)} ${pad(r.verdict, 19)} ${pad(cell(r.plain), 14)} ${pad(cell(r.isolated), 14)} ${pad((r.plain.ms / 1000).toFixed(1), 8)} ${pad((r.isolated.ms / 1000).toFixed(1), 11)} ${(plainNote || note).slice(0, 110)}`,
  );
}
console.log(
  `\n${totals.answers} answers: ${Object.entries(totals.verdicts)
    .map(([v, n]) => `${v} ${n}`)
    .join(', ')}; differences ${totals.differences}` +
    `\nok plain ${totals.plainOk}, ok isolated ${totals.isolatedOk}; time plain ${(totals.plainMs / 1000).toFixed(0)} s, isolated ${(totals.isolatedMs / 1000).toFixed(0)} s, isolated/plain ${totals.isolatedOverPlain}x; wall ${(totals.wallMs / 1000).toFixed(0)} s`,
);

mkdirSync(path.join(root, 'reports'), { recursive: true });
writeFileSync(
  path.join(root, 'reports/bench-synth.json'),
  JSON.stringify(
    { generatedAt: new Date().toISOString(), cores: os.cpus().length, options: values, python: python ?? null, totals, rows },
    null,
    2,
  ),
);
