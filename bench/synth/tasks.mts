/* The CDK tasks of ../shared/corpus as answers to synthesize: the model's (MODEL_RESPONSE.md) and the ideal code. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { answerFilesOf } from '../../lib/pipeline/isolated-artifact';
import type { AnswerFile } from '../../lib/synth/isolated';

/** Which answer of a task is synthesized. */
export type Side = 'model' | 'ideal';

/** One answer to synthesize. */
export interface BenchAnswer {
  task: string;
  side: Side;
  language: 'typescript' | 'python';
  files: AnswerFile[];
}

const CODE_OR_CONFIG = /\.(ts|tsx|js|mjs|cjs|py|json|txt|ya?ml|sh|toml|cfg|ini)$/i;

/** The corpus's CDK tasks (`cdk-ts-*`, `cdk-py-*`) whose id matches `only`, in index order, `limit` at most. */
export function corpusAnswers(corpus: string, options: { only?: RegExp; limit?: number; sides: Side[] }): BenchAnswer[] {
  const index = JSON.parse(readFileSync(path.join(corpus, 'index.json'), 'utf8')) as {
    tasks: { id: string; platform: string; dir: string }[];
  };
  const tasks = index.tasks
    .filter((t) => t.platform === 'cdk-ts' || t.platform === 'cdk-py')
    .filter((t) => !options.only || options.only.test(t.id))
    .slice(0, options.limit ?? Infinity);
  return tasks.flatMap((task) => {
    const dir = path.join(corpus, task.dir);
    const language = task.platform === 'cdk-ts' ? 'typescript' : 'python';
    return options.sides.map((side) => ({ task: task.id, side, language, files: side === 'model' ? modelFiles(dir) : idealFiles(dir) }));
  });
}

/** The model's answer: the named code blocks of MODEL_RESPONSE.md, as the review extracts them. */
function modelFiles(dir: string): AnswerFile[] {
  return answerFilesOf([{ name: 'MODEL_RESPONSE.md', text: readFileSync(path.join(dir, 'MODEL_RESPONSE.md'), 'utf8') }]);
}

/**
 * The ideal code: the task's `lib/` folder as committed, plus the files of IDEAL_RESPONSE.md that `lib/` does not hold
 * (an entry such as `bin/tap.ts` or `tap.py`, a cdk.json); blocks named like a `lib/` file (`tap_stack.py`) are its copies.
 */
function idealFiles(dir: string): AnswerFile[] {
  const lib = walk(path.join(dir, 'lib')).map((file) => ({ path: path.relative(dir, file), text: readFileSync(file, 'utf8') }));
  const names = new Set(lib.map((f) => path.basename(f.path)));
  const ideal = path.join(dir, 'IDEAL_RESPONSE.md');
  const extra = answerFilesOf([{ name: 'IDEAL_RESPONSE.md', text: readFileSync(ideal, 'utf8') }]).filter(
    (f) => !names.has(path.basename(f.path)),
  );
  return [...lib, ...extra];
}

function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' || name === 'cdk.out' ? [] : walk(full);
    return CODE_OR_CONFIG.test(name) ? [full] : [];
  });
}
