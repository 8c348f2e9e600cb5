import { createHash } from 'node:crypto';
import type { Finding } from '../rules/finding';
import {
  isolatedSynthFindings,
  synthesizeIsolated,
  type AnswerFile,
  type IsolatedSynthResult,
  type SynthesizedStack,
} from '../synth/isolated';
import { extractionNote } from '../templates/extraction-summary';
import { classifyMarkdown } from '../templates/markdown';
import { fromObject, hashValue, isTemplateShape } from '../templates/load';
import type { CfnTemplate } from '../templates/types';
import { loadInlineArtifact, roleOf } from './inline-artifact';
import type { StackTemplate } from './stacks';
import type { InlineFile, LoadedArtifact } from './types';

const runs = new Map<string, Promise<IsolatedSynthResult>>();
const MAX_RUNS = 64;

/** The answer's code as files to synthesize: source files by name, and markdown code blocks the answer names or whose content names them (lib/templates/infer-names). */
export function answerFilesOf(files: readonly InlineFile[]): AnswerFile[] {
  const answer = new Map<string, string>();
  for (const file of files) {
    const role = roleOf(file);
    if (role === 'source') answer.set(file.name, file.text);
    else if (role === 'markdown') {
      for (const block of classifyMarkdown(file.text, file.name).sources)
        if (block.name && !answer.has(block.name)) answer.set(block.name, block.text);
    }
  }
  return [...answer].map(([path, text]) => ({ path, text }));
}

/** One isolated synthesis per distinct answer (files and language), shared by every review that loads it. */
function synthesizeOnce(files: AnswerFile[], language: 'typescript' | 'python'): Promise<IsolatedSynthResult> {
  const key = createHash('sha256')
    .update(JSON.stringify([language, files]))
    .digest('hex');
  let run = runs.get(key);
  if (!run) {
    run = synthesizeIsolated({ files, language });
    runs.set(key, run);
    run.catch(() => runs.delete(key));
    if (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value as string);
  }
  return run;
}

/**
 * Loads a CDK side from text: its code is synthesized in isolation (lib/synth/isolated, never in-process); every stack
 * it makes (nested ones included) is in `stacks`, the largest also as `template`, and the sources are analyzed too. A
 * failed synthesis leaves source rules only, with the failure as `cdk-*` findings (file and line) and said in the note.
 */
export async function loadSynthesizedArtifact(
  label: string,
  files: readonly InlineFile[],
  language: 'ts' | 'py',
): Promise<LoadedArtifact & { extraFindings: Finding[] }> {
  const answer = answerFilesOf(files);
  const loaded =
    answer.length === 0
      ? { ...loadInlineArtifact(label, files, 'no named CDK code files to synthesize: source rules only'), extraFindings: [] }
      : artifactOfSynthesis(label, files, await synthesizeOnce(answer, language === 'ts' ? 'typescript' : 'python'));
  // What the markdown extraction took and set aside, so that a reviewer can check which files were synthesized.
  const extraction = files.filter((f) => roleOf(f) === 'markdown').map((f) => extractionNote(f.text, f.name));
  if (loaded.state.status !== 'ok' || extraction.length === 0) return loaded;
  return { ...loaded, state: { ...loaded.state, note: [loaded.state.note, ...extraction].filter(Boolean).join('. ') } };
}

/** A side from the outcome of synthesizing its files, as loadSynthesizedArtifact describes. */
export function artifactOfSynthesis(
  label: string,
  files: readonly InlineFile[],
  result: IsolatedSynthResult,
): LoadedArtifact & { extraFindings: Finding[] } {
  if (result.status === 'failed' && result.lenient) {
    const loaded = artifactOfStacks(label, files, result.lenient.templates);
    if (loaded.state.status !== 'ok') return loaded;
    const synthesis = { stage: result.stage, message: result.message, fault: 'answer' as const, lenient: result.lenient.note };
    const note = [`CDK synthesis failed (${result.stage}), rules ran on a ${result.lenient.note}`, loaded.state.note]
      .filter(Boolean)
      .join('. ');
    return { ...loaded, state: { ...loaded.state, synthesis, note }, extraFindings: isolatedSynthFindings(result) };
  }
  if (result.status !== 'ok') {
    const note =
      result.status !== 'failed'
        ? `${result.message}: source rules only`
        : result.stage === 'tool'
          ? `CDK synthesis failed, a fault of infra-review and not of the answer (${result.message}): source rules only`
          : `CDK synthesis failed (${result.stage}): source rules only`;
    const inline = loadInlineArtifact(label, files, note);
    const synthesis =
      result.status === 'failed'
        ? { stage: result.stage, message: result.message, fault: result.stage === 'tool' ? ('tool' as const) : ('answer' as const) }
        : { stage: 'unsupported', message: result.message, fault: 'tool' as const };
    const state = inline.state.status === 'ok' ? { ...inline.state, synthesis } : inline.state;
    return { ...inline, state, extraFindings: isolatedSynthFindings(result) };
  }
  return artifactOfStacks(label, files, result.templates);
}

/** A side from the stacks a synthesis gave: every stack in `stacks`, the largest also as `template`, the sources analyzed too. */
function artifactOfStacks(
  label: string,
  files: readonly InlineFile[],
  templates: readonly SynthesizedStack[],
): LoadedArtifact & { extraFindings: Finding[] } {
  const loaded = loadInlineArtifact(
    label,
    files.filter((f) => roleOf(f) !== 'template'),
  );
  if (templates.length === 0 || loaded.state.status !== 'ok')
    return { ...loadInlineArtifact(label, files, 'the app synthesized no stack: source rules only'), extraFindings: [] };
  const stacks = templates.map((stack) => stackTemplateOf(label, stack));
  const main = stacks.reduce((largest, stack) => (resourceCount(stack) > resourceCount(largest) ? stack : largest));
  const several = stacks.length > 1;
  return {
    template: main.template,
    stacks,
    sources: loaded.sources,
    extraFindings: [],
    state: {
      ...loaded.state,
      kind: 'cdk-synthesized',
      hash: several ? hashValue(stacks.map((s) => [s.name, s.template.hash])) : main.template.hash,
      resourceCount: stacks.reduce((total, stack) => total + resourceCount(stack), 0),
      ...(several
        ? {
            stacks: stacks.map((s) => ({ name: s.name ?? '', ...(s.parent ? { parent: s.parent } : {}), resourceCount: resourceCount(s) })),
            note: `${stacks.length} stacks synthesized (${stacks.filter((s) => s.parent).length} nested): each is analyzed and compared with its counterpart`,
          }
        : {}),
    },
  };
}

/** A synthesized stack as a loaded template under its name (a template without Resources gets an empty section). */
function stackTemplateOf(label: string, stack: SynthesizedStack): StackTemplate {
  const raw = stack.template as unknown as Record<string, unknown>;
  const template = fromObject(
    (isTemplateShape(raw) ? raw : { ...raw, Resources: {} }) as CfnTemplate,
    `${label}/${stack.stackName}.template.json`,
  );
  const withConstructs = stack.constructs ? { ...template, constructs: stack.constructs } : template;
  return { name: stack.stackName, ...(stack.parent ? { parent: stack.parent } : {}), template: withConstructs };
}

function resourceCount(stack: StackTemplate): number {
  return Object.keys(stack.template.template.Resources).length;
}
