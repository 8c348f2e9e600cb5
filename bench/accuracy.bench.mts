/*
 * npm run bench:accuracy [-- --only <platform|glob>] [--limit N] [--seed N] [--concurrency N] [--packs <ids|all>]:
 * imports the real review tasks of ../shared/corpus (lib/reviews builds each review from its folder, as `import` does),
 * runs each review (`--packs`: with those cdk-nag packs, as `review --packs` does; none by default), and matches the
 * human MODEL_FAILURES.md with the model's findings (lib/coverage). In the same run three peers look at the same model
 * templates (for CDK tasks, the synthesized ones): cfn-lint and checkov (PyPI's current releases, scripts/ensure-*.sh;
 * one process each over every model template) and cdk-nag alone (every pack); their findings go through the same
 * matcher (bench/accuracy/peers.ts). Prints per platform and in total: human failures, found, missed, and model findings
 * the human did not list. Then the STATIC part (bench/accuracy/static-part.ts): the human failures a general rule could
 * find in the model's template alone — of tasks whose model gave a template, not about tests, documentation or layout,
 * naming a problem of the coverage vocabulary that template inspection can show (TEMPLATE_PROBLEMS: a property, policy,
 * value or reference of a resource; not alarms, dashboards, outputs, parameters, naming or tag conventions, code), and
 * not about a resource the model lacks altogether (which only the reference shows) — found by each source inside the
 * review, by infra-review whole and without reference-diff, by each peer alone and by the peers together, with the
 * failures a peer found and infra-review (without reference-diff) did not. Then random samples (fixed seed) of those
 * gaps, of 20 matches and of 20 unlisted findings of infra-review, for a person to check. Writes
 * reports/bench-accuracy.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { matchCoverage, type ReferenceOf, type TypeOf } from '../lib/coverage/match';
import { parseHumanFailures } from '../lib/coverage/parse';
import type { CoverageResult, HumanFailure } from '../lib/coverage/types';
import { loadArtifact } from '../lib/pipeline/artifacts';
import { reviewArtifacts, type ReviewDefinition } from '../lib/pipeline/run';
import { counterpartsOf } from '../lib/pipeline/shared';
import { stacksOf } from '../lib/pipeline/stack-review';
import type { ReviewFinding } from '../lib/pipeline/types';
import { shutdownValidator } from '../lib/rules/cfn-validate/client';
import { runNagPacks } from '../lib/rules/cdk-nag/run';
import { RULE_PACK_IDS } from '../lib/rules/cdk-nag/packs';
import type { Finding } from '../lib/rules/finding';
import { readTaskFolder } from '../lib/reviews/folder';
import { storedArtifactSpec } from '../lib/reviews/service';
import { planTask } from '../lib/reviews/task';
import type { CfnTemplate } from '../lib/templates/types';
import { runCfnLint, runCheckov } from './accuracy/peers';
import { compareStatic, type StaticComparison } from './accuracy/static-part';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(root, process.env.CORPUS_DIR ?? '../shared/corpus');
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    limit: { type: 'string' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '2' },
    packs: { type: 'string' },
  },
});
const limit = values.limit === undefined ? Infinity : Number(values.limit);
const seed = Number(values.seed);
const concurrency = Number(values.concurrency);
for (const [name, n] of [
  ['--limit', limit],
  ['--seed', seed],
  ['--concurrency', concurrency],
] as const)
  if (!(n === Infinity || (Number.isInteger(n) && n >= 0))) throw new Error(`${name} must be a non-negative integer`);

const TOOLS = ['infra-review', 'cfn-lint', 'cdk-nag', 'checkov'] as const;
const PEERS = ['cfn-lint', 'cdk-nag', 'checkov'] as const;
type Tool = (typeof TOOLS)[number];

interface TaskEntry {
  dir: string;
  platform: string;
}

/** `--only cfn-yaml`, `--only cfn` (a prefix of the platform) or `--only 'cdk-*-Pr8*'` (a glob on the folder name). */
function selected(task: TaskEntry): boolean {
  if (!values.only) return true;
  if (task.platform === values.only || task.platform.startsWith(values.only)) return true;
  const glob = new RegExp(
    `^${values.only
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return glob.test(task.dir) || glob.test(task.platform);
}

/** Deterministic pseudo-random numbers (mulberry32), so a seed picks the same sample every run. */
function random(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample<T>(items: readonly T[], n: number, next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

/** Runs `fn` over `items` with at most `n` at once. */
async function eachLimited<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(n, items.length)) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

interface TaskRun {
  task: TaskEntry;
  failures: HumanFailure[];
  review: ReviewFinding[];
  templates: { file: string; template: CfnTemplate }[];
  typeOf: TypeOf;
  referenceOf: ReferenceOf;
  modelStatus: string;
  /** Why the model has no template (e.g. a failed synthesis), from its artifact state. */
  modelNote?: string;
  error?: string;
}

/** Reviews one task as the product does (the folder read and planned by lib/reviews), and keeps its model templates. */
async function runTask(task: TaskEntry, templatesDir: string): Promise<TaskRun> {
  const folder = path.join(corpus, task.dir);
  const { files } = await readTaskFolder(folder);
  const plan = planTask(files, task.dir);
  const failures = parseHumanFailures(plan.modelFailures ?? '');
  const def: ReviewDefinition = {
    id: task.dir,
    name: plan.name,
    reference: storedArtifactSpec('reference', plan.reference),
    model: storedArtifactSpec('model', plan.model),
    ...(values.packs ? { rulePacks: [values.packs] } : {}),
  };
  try {
    const [reference, model] = await Promise.all([loadArtifact(def.reference), loadArtifact(def.model)]);
    const review = await reviewArtifacts(def, reference, model);
    const stacks = stacksOf(model);
    const templates = stacks.map((stack, i) => {
      const file = path.join(templatesDir, `${task.dir}__${i}.json`);
      writeFileSync(file, JSON.stringify(stack.template.template, null, 1));
      return { file, template: stack.template.template };
    });
    const typeOf: TypeOf = (id) => templates.map((t) => t.template.Resources?.[id]?.Type).find(Boolean);
    const counterpartOf = counterpartsOf(reference, model);
    const referenceOf: ReferenceOf = (id) => counterpartOf(id)?.id;
    const modelNote = review.model.status === 'ok' ? review.model.note : review.model.message;
    return { task, failures, review: review.findings, templates, typeOf, referenceOf, modelStatus: review.model.status, modelNote };
  } catch (error) {
    const nothing = () => undefined;
    return { task, failures, review: [], templates: [], typeOf: nothing, referenceOf: nothing, modelStatus: 'error', error: String(error) };
  }
}

interface Tally {
  tasks: number;
  failures: number;
  found: number;
  missed: number;
  unlisted: number;
}

const emptyTally = (): Tally => ({ tasks: 0, failures: 0, found: 0, missed: 0, unlisted: 0 });

function add(tally: Tally, result: CoverageResult): void {
  tally.tasks++;
  tally.failures += result.found.length + result.missed.length;
  tally.found += result.found.length;
  tally.missed += result.missed.length;
  tally.unlisted += result.unlisted.length;
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(0)}%`);
const asModel = (findings: readonly Finding[]): ReviewFinding[] => findings.map((f) => ({ ...f, side: 'model' }));

const index = JSON.parse(readFileSync(path.join(corpus, 'index.json'), 'utf8')) as { tasks: TaskEntry[] };
const tasks = index.tasks.filter(selected).slice(0, limit);
const templatesDir = mkdtempSync(path.join(os.tmpdir(), 'infra-review-accuracy-'));
const started = performance.now();
const runs: TaskRun[] = [];
let done = 0;
try {
  await eachLimited(tasks, concurrency, async (task) => {
    runs.push(await runTask(task, templatesDir));
    process.stderr.write(`\r${++done}/${tasks.length} reviewed`);
  });
  process.stderr.write('\n');
  runs.sort((a, b) => tasks.indexOf(a.task) - tasks.indexOf(b.task));
  const reviewMs = performance.now() - started;

  const lintStarted = performance.now();
  const lint = runCfnLint(runs.flatMap((r) => r.templates.map((t) => t.file)));
  const lintMs = performance.now() - lintStarted;
  const nagStarted = performance.now();
  const nag = new Map<TaskRun, Finding[]>();
  for (const run of runs) nag.set(run, (await Promise.all(run.templates.map((t) => runNagPacks(t.template, RULE_PACK_IDS)))).flat());
  const nagMs = performance.now() - nagStarted;
  const checkovStarted = performance.now();
  const checkov = runs.some((r) => r.templates.length > 0) ? runCheckov(templatesDir) : new Map<string, Finding[]>();
  const checkovMs = performance.now() - checkovStarted;

  const platforms = [...new Set(tasks.map((t) => t.platform))];
  const tallies = new Map<string, Tally>(
    TOOLS.flatMap((tool) => [...platforms, 'total'].map((p) => [`${tool}:${p}`, emptyTally()] as const)),
  );
  const staticTallies = new Map<string, { failures: number; found: number }>();
  const outsideStatic = new Map<string, Record<string, number>>();
  const gaps: { task: string; failure: string; by: string[]; findings: string[] }[] = [];
  const perTask: unknown[] = [];
  const matches: { task: string; failure: string; category: string; findings: string[] }[] = [];
  const unlisted: { task: string; finding: string }[] = [];
  const describe = (f: Finding) => `${f.rule} on ${f.resources.join(', ') || f.location?.file || 'the template'}: ${f.message}`;
  for (const run of runs) {
    const results: Record<Tool, CoverageResult> = {
      'infra-review': matchCoverage(run.failures, run.review, run.typeOf, run.referenceOf),
      'cfn-lint': matchCoverage(
        run.failures,
        asModel(run.templates.flatMap((t) => lint.get(path.resolve(t.file)) ?? [])),
        run.typeOf,
        run.referenceOf,
      ),
      'cdk-nag': matchCoverage(run.failures, asModel(nag.get(run) ?? []), run.typeOf, run.referenceOf),
      checkov: matchCoverage(
        run.failures,
        asModel(run.templates.flatMap((t) => checkov.get(path.basename(t.file)) ?? [])),
        run.typeOf,
        run.referenceOf,
      ),
    };
    const peerFindings = (peer: (typeof PEERS)[number]) =>
      asModel(
        peer === 'cfn-lint'
          ? run.templates.flatMap((t) => lint.get(path.resolve(t.file)) ?? [])
          : peer === 'checkov'
            ? run.templates.flatMap((t) => checkov.get(path.basename(t.file)) ?? [])
            : (nag.get(run) ?? []),
      );
    const statics: StaticComparison = compareStatic({
      failures: run.failures,
      review: run.review,
      peers: Object.fromEntries(PEERS.map((peer) => [peer, peerFindings(peer)])),
      templates: run.templates.map((t) => t.template),
      typeOf: run.typeOf,
      referenceOf: run.referenceOf,
    });
    for (const key of [run.task.platform, 'total']) {
      for (const [contender, ids] of Object.entries(statics.found)) {
        const tally = staticTallies.get(`${contender}:${key}`) ?? { failures: 0, found: 0 };
        staticTallies.set(`${contender}:${key}`, { failures: tally.failures + statics.failures.length, found: tally.found + ids.length });
      }
      const outside = outsideStatic.get(key) ?? {};
      for (const [reason, n] of Object.entries(statics.outside)) outside[reason] = (outside[reason] ?? 0) + n;
      outsideStatic.set(key, outside);
    }
    for (const gap of statics.gaps) gaps.push({ task: run.task.dir, failure: gap.failure.title, by: gap.by, findings: gap.findings });
    for (const tool of TOOLS) for (const key of [run.task.platform, 'total']) add(tallies.get(`${tool}:${key}`)!, results[tool]);
    const own = results['infra-review'];
    for (const m of own.found)
      matches.push({ task: run.task.dir, failure: m.failure.title, category: m.failure.category, findings: m.findings.map(describe) });
    for (const f of own.unlisted) unlisted.push({ task: run.task.dir, finding: describe(f) });
    perTask.push({
      task: run.task.dir,
      platform: run.task.platform,
      model: run.modelStatus,
      modelTemplates: run.templates.length,
      ...(run.modelNote ? { modelNote: run.modelNote } : {}),
      ...(run.error ? { error: run.error } : {}),
      failures: run.failures.map((f) => ({ id: f.id, category: f.category, title: f.title })),
      static: { failures: statics.failures.map((f) => f.id), outside: statics.outside, found: statics.found },
      ...Object.fromEntries(
        TOOLS.map((tool) => [
          tool,
          {
            found: results[tool].found.map((m) => ({
              failure: m.failure.id,
              findings: m.findings.map((f) => `${f.rule} ${f.resources.join(',')}`),
            })),
            missed: results[tool].missed.map((f) => f.id),
            unlisted: results[tool].unlisted.length,
          },
        ]),
      ),
    });
  }

  const withoutTemplate = runs.filter((r) => r.templates.length === 0).length;
  console.log(
    `\n${runs.length} tasks of ${corpus} (${runs.filter((r) => r.error).length} could not be reviewed; ${withoutTemplate} model answers gave no template: the peers had nothing to check there)`,
  );
  console.log(
    `reviews ${(reviewMs / 1000).toFixed(0)} s (synthesis included), cfn-lint ${(lintMs / 1000).toFixed(1)} s, cdk-nag ${(nagMs / 1000).toFixed(1)} s, checkov ${(checkovMs / 1000).toFixed(1)} s\n`,
  );
  console.log('| platform | tasks | human failures | tool | found | missed | unlisted findings |');
  console.log('|---|---:|---:|---|---:|---:|---:|');
  for (const p of [...platforms, 'total'])
    for (const tool of TOOLS) {
      const t = tallies.get(`${tool}:${p}`)!;
      console.log(
        `| ${p} | ${t.tasks} | ${t.failures} | ${tool} | ${t.found} (${percent(t.found, t.failures)}) | ${t.missed} | ${t.unlisted} |`,
      );
    }
  const columns = [...platforms, 'total'];
  const staticOf = (contender: string, p: string) => staticTallies.get(`${contender}:${p}`) ?? { failures: 0, found: 0 };
  console.log('\nThe static part: human failures a general rule could find in the model template alone (bench/accuracy/static-part.ts)');
  console.log(`| found by | ${columns.join(' | ')} |`);
  console.log(`|---|${columns.map(() => '---:').join('|')}|`);
  console.log(
    `| static failures (of all) | ${columns.map((p) => `${staticOf('peers', p).failures} (of ${tallies.get(`infra-review:${p}`)!.failures})`).join(' | ')} |`,
  );
  const contenders = [...new Set([...staticTallies.keys()].map((k) => k.slice(0, k.lastIndexOf(':'))))];
  for (const contender of contenders)
    console.log(
      `| ${contender} | ${columns
        .map((p) => {
          const t = staticOf(contender, p);
          return `${t.found} (${percent(t.found, t.failures)})`;
        })
        .join(' | ')} |`,
    );
  console.log(`\nLeft out of the static part (total): ${JSON.stringify(outsideStatic.get('total') ?? {})}`);
  console.log(`\nFound by a peer but not by infra-review without reference-diff: ${gaps.length}`);
  const next = random(seed);
  for (const g of sample(gaps, 15, next))
    console.log(
      `- [${g.task}] "${g.failure}" (${g.by.join(', ')})\n    ← ${g.findings
        .slice(0, 2)
        .map((f) => f.slice(0, 200))
        .join('\n    ← ')}`,
    );
  console.log(`\nSample of infra-review matches (seed ${seed}):`);
  for (const m of sample(matches, 20, next))
    console.log(`- [${m.task}] ${m.category}: "${m.failure}"\n    ← ${m.findings.slice(0, 2).join('\n    ← ')}`);
  console.log(`\nSample of infra-review findings the human did not list (seed ${seed}):`);
  for (const u of sample(unlisted, 20, next)) console.log(`- [${u.task}] ${u.finding.slice(0, 220)}`);

  mkdirSync(path.join(root, 'reports'), { recursive: true });
  const report = {
    generatedAt: new Date().toISOString(),
    corpus,
    options: { only: values.only ?? null, limit: Number.isFinite(limit) ? limit : null, seed, packs: values.packs ?? null },
    timings: { reviewMs, cfnLintMs: lintMs, cdkNagMs: nagMs, checkovMs },
    totals: Object.fromEntries(
      TOOLS.map((tool) => [tool, Object.fromEntries([...platforms, 'total'].map((p) => [p, tallies.get(`${tool}:${p}`)]))]),
    ),
    static: {
      definition:
        'human failures of tasks whose model gave a template, not about tests/docs/layout, naming a problem template inspection can show (TEMPLATE_PROBLEMS), and not about a resource the model lacks altogether (bench/accuracy/static-part.ts)',
      totals: Object.fromEntries(contenders.map((c) => [c, Object.fromEntries(columns.map((p) => [p, staticOf(c, p)]))])),
      outside: Object.fromEntries(outsideStatic),
      foundByPeerNotByInfraReview: gaps,
    },
    tasks: perTask,
  };
  writeFileSync(path.join(root, 'reports/bench-accuracy.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log('\nwrote reports/bench-accuracy.json');
} finally {
  rmSync(templatesDir, { recursive: true, force: true });
  shutdownValidator();
}
