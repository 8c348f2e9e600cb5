/*
 * Plain `cdk synth` of an answer, outside any sandbox, for comparison only: the answer's files laid over a
 * `cdk init app --generate-only` scaffold (its config files: cdk.json, tsconfig.json, package.json, requirements.txt),
 * node_modules linked to this project's, Python from the .cache venv, tests left out, bundling skipped (see SKIP_BUNDLING).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAssembly } from '../../lib/synth/isolated/assembly';
import { planTypeScriptEntry } from '../../lib/synth/isolated/entry';
import { planPythonApp } from '../../lib/synth/isolated/python-entry';
import type { AnswerFile, SynthesizedStack } from '../../lib/synth/isolated';

/** What plain synthesis gave: stacks, or the CLI's output as the error. */
export type PlainResult = { status: 'ok'; stacks: SynthesizedStack[]; ms: number } | { status: 'failed'; error: string; ms: number };

const root = path.resolve(import.meta.dirname, '../..');
const cdk = path.join(root, 'node_modules/.bin/cdk');
const SCAFFOLD_FILES = { typescript: ['cdk.json', 'tsconfig.json', 'package.json'], python: ['cdk.json', 'requirements.txt'] };
const TEST_FILE = /(^|\/)(test|tests|__tests__)\/|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)test_[^/]*\.py$|_test\.py$|(^|\/)jest\.config\./;

// The CLI refuses `-c aws:cdk:bundling-stacks=[]` (reserved prefix) and always asks synth to bundle every stack, so the
// app command sets the key in the context the CLI hands it (CDK_CONTEXT_JSON) before the app starts.
const SKIP_BUNDLING = `CDK_CONTEXT_JSON="$(node -p 'JSON.stringify({...JSON.parse(process.env.CDK_CONTEXT_JSON||"{}"),"aws:cdk:bundling-stacks":[]})')"`;

/** Test files of an answer (tests are left out of plain synthesis, as the measurement did). */
export const isTestFile = (file: string) => TEST_FILE.test(file);

/**
 * Synthesizes `files` with the CDK CLI in a fresh scaffold under the OS temp directory; `python` is the venv's python.
 * TypeScript runs with tsx, transpiled only as the isolated synthesis does; `typeCheck` runs `npx tsc` first, as the
 * scaffold's own cdk.json does (10-60 s per answer on 2 cores). aws-cdk-lib's CloudFormation validation is off
 * (CDK_VALIDATION=false, 5-10 s per answer, and its errors fail the synth), as in the isolated synthesis, whose review
 * validates the templates itself; `validate` turns it on.
 */
export async function synthesizePlain(
  files: AnswerFile[],
  language: 'typescript' | 'python',
  { python, typeCheck = false, validate = false }: { python?: string; typeCheck?: boolean; validate?: boolean } = {},
): Promise<PlainResult> {
  const started = performance.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench-plain-${language}-`));
  try {
    const app = layOut(dir, files, language, typeCheck);
    if ('error' in app) return { status: 'failed', error: app.error, ms: performance.now() - started };
    const binDirs = [
      python && path.dirname(python),
      path.join(root, 'node_modules/.bin'),
      path.dirname(process.execPath),
      '/usr/bin',
      '/bin',
    ];
    const run = await runCli(dir, {
      PATH: binDirs.filter(Boolean).join(':'),
      HOME: dir,
      CDK_DISABLE_VERSION_CHECK: 'true',
      CDK_DISABLE_CLI_TELEMETRY: 'true',
      AWS_EC2_METADATA_DISABLED: 'true',
      npm_config_update_notifier: 'false',
      JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: process.versions.node.split('.')[0],
      JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1',
      ...(validate ? {} : { CDK_VALIDATION: 'false' }),
    });
    const ms = performance.now() - started;
    if (run.code !== 0) return { status: 'failed', error: run.output.replaceAll(`${dir}/`, ''), ms };
    const assembly = readAssembly(path.join(dir, 'cdk.out'));
    return assembly.ok ? { status: 'ok', stacks: assembly.stacks, ms } : { status: 'failed', error: assembly.message, ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes scaffold and answer into `dir` with cdk.json's `app` running the answer's entry; returns that command. */
function layOut(
  dir: string,
  files: AnswerFile[],
  language: 'typescript' | 'python',
  typeCheck: boolean,
): { command: string } | { error: string } {
  const scaffold = scaffoldOf(language);
  for (const name of SCAFFOLD_FILES[language]) cpSync(path.join(scaffold, name), path.join(dir, name));
  if (language === 'typescript') {
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    // Tests are left out, and with them the scaffold's jest types.
    const tsconfig = JSON.parse(readFileSync(path.join(dir, 'tsconfig.json'), 'utf8'));
    tsconfig.compilerOptions.types = (tsconfig.compilerOptions.types ?? []).filter((t: string) => t !== 'jest');
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    // `cdk init` (without --generate-only) runs npm install, which writes the lock file NodejsFunction looks for.
    writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages: {} }));
  }
  const answer = files.filter((f) => !isTestFile(f.path));
  for (const file of answer) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.text);
  }
  const plan = language === 'typescript' ? planTypeScriptEntry(answer) : planPythonApp(answer);
  if (plan.kind === 'missing') return { error: plan.message };
  let entry = plan.path;
  if (plan.kind === 'generated') {
    // The isolated runner requires the compiled answer from its CommonJS entry; under tsx the same text needs .cjs.
    entry = plan.path.replace(/\.js$/, '.cjs');
    writeFileSync(path.join(dir, entry), plan.text);
  }
  const run = language === 'typescript' ? `npx tsx ${entry}` : `python3 ${entry}`;
  const command = `${typeCheck && language === 'typescript' ? 'npx tsc && ' : ''}${SKIP_BUNDLING} ${run}`;
  let cdkJson: { app?: string; context?: Record<string, unknown> };
  try {
    cdkJson = JSON.parse(readFileSync(path.join(dir, 'cdk.json'), 'utf8'));
  } catch (error) {
    // The CLI stops on a cdk.json that does not parse, before running anything.
    return { error: `cdk.json is not valid JSON: ${(error as Error).message}` };
  }
  // The answer's cdk.json replaces the scaffold's, context and all; only the app runs with the scaffold's runner
  // (ts-node, which answers' cdk.json files name, is not installed here).
  writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ ...cdkJson, app: command }));
  return { command };
}

/** `cdk init app --generate-only` for `language`, made once under .cache/bench-synth. */
function scaffoldOf(language: 'typescript' | 'python'): string {
  const dir = path.join(root, '.cache/bench-synth', `scaffold-${language}`);
  if (existsSync(path.join(dir, 'cdk.json'))) return dir;
  const app = path.join(dir, 'app');
  mkdirSync(app, { recursive: true });
  const init = spawnSync(cdk, ['init', 'app', '--language', language, '--generate-only'], { cwd: app, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`cdk init failed: ${init.stderr}`);
  for (const name of SCAFFOLD_FILES[language]) cpSync(path.join(app, name), path.join(dir, name));
  return dir;
}

/** `cdk synth` of the app in `dir`, killed (with its group) after 5 minutes; output is stdout and stderr, last 64 KB. */
function runCli(dir: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cdk, ['synth', '--quiet', '--no-notices'], { cwd: dir, env, detached: true });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-65536));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 300_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
