import { createHash } from 'node:crypto';
import type { Finding } from '../rules/finding';
import { isolatedSynthFindings, synthesizeIsolated, type AnswerFile, type IsolatedSynthResult } from '../synth/isolated';
import { classifyMarkdown } from '../templates/markdown';
import { fromObject, isTemplateShape } from '../templates/load';
import type { CfnTemplate } from '../templates/types';
import { loadInlineArtifact, roleOf } from './inline-artifact';
import type { InlineFile, LoadedArtifact } from './types';

const runs = new Map<string, Promise<IsolatedSynthResult>>();
const MAX_RUNS = 64;

/** The answer's code as files to synthesize: source files by name, and markdown code blocks that state a file name. */
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
 * Loads a CDK side from text: its code is synthesized in isolation (lib/synth/isolated, never in-process) and the
 * first stack's template is analyzed with the sources; a failed synthesis leaves source rules only, with the failure
 * as `cdk-*` findings (file and line) and said in the artifact's note.
 */
export async function loadSynthesizedArtifact(
  label: string,
  files: readonly InlineFile[],
  language: 'ts' | 'py',
): Promise<LoadedArtifact & { extraFindings: Finding[] }> {
  const answer = answerFilesOf(files);
  if (answer.length === 0) {
    return { ...loadInlineArtifact(label, files, 'no named CDK code files to synthesize: source rules only'), extraFindings: [] };
  }
  const result = await synthesizeOnce(answer, language === 'ts' ? 'typescript' : 'python');
  if (result.status !== 'ok') {
    const note =
      result.status === 'failed' ? `CDK synthesis failed (${result.stage}): source rules only` : `${result.message}: source rules only`;
    return { ...loadInlineArtifact(label, files, note), extraFindings: isolatedSynthFindings(result) };
  }
  const [stack] = result.templates;
  const loaded = loadInlineArtifact(
    label,
    files.filter((f) => roleOf(f) !== 'template'),
  );
  if (!stack || loaded.state.status !== 'ok')
    return { ...loadInlineArtifact(label, files, 'the app synthesized no stack: source rules only'), extraFindings: [] };
  const raw = stack.template as unknown as Record<string, unknown>;
  const template = fromObject(
    (isTemplateShape(raw) ? raw : { ...raw, Resources: {} }) as CfnTemplate,
    `${label}/${stack.stackName}.template.json`,
  );
  const note = result.templates.length > 1 ? `${result.templates.length} stacks synthesized; ${stack.stackName} is compared` : undefined;
  return {
    template,
    sources: loaded.sources,
    extraFindings: [],
    state: {
      ...loaded.state,
      kind: 'cdk-synthesized',
      hash: template.hash,
      resourceCount: Object.keys(template.template.Resources).length,
      ...(note ? { note } : {}),
    },
  };
}
