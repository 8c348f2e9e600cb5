import path from 'node:path';
import { synthesize } from '../synth/synthesize';
import { fromObject, parseTemplate } from '../templates/load';
import { classifyMarkdown } from '../templates/markdown';
import type { LoadedTemplate, SourceFile } from '../templates/types';
import { displayPath, parseFileCached } from './file-cache';
import { loadInlineArtifact } from './inline-artifact';
import { loadSynthesizedArtifact } from './isolated-artifact';
import type { ArtifactSpec, ArtifactState, LoadedArtifact } from './types';

const LANGUAGE_BY_EXT: Record<string, SourceFile['language']> = {
  '.py': 'python',
  '.ts': 'typescript',
  '.js': 'javascript',
  '.java': 'java',
  '.cs': 'csharp',
  '.go': 'go',
};

const synthesizedTemplates = new WeakMap<object, LoadedTemplate>();

/** Loads a source file for the source rules, named by its display path. */
export function readSourceFile(file: string): Promise<SourceFile> {
  return parseFileCached(file, 'source', (text) => ({
    path: displayPath(file),
    language: LANGUAGE_BY_EXT[path.extname(file)] ?? 'unknown',
    text,
    startLine: 1,
  }));
}

/** A JSON file of logical ID → construct path, as constructs of a loaded template. */
function readConstructPaths(file: string): Promise<LoadedTemplate['constructs']> {
  return parseFileCached(file, 'constructs', (text) =>
    Object.fromEntries(Object.entries(JSON.parse(text) as Record<string, string>).map(([id, p]) => [id, { path: p }])),
  );
}

/** Loads one side; synthesis failures become a `failed` state, unreadable files throw AppError. */
export async function loadArtifact(spec: ArtifactSpec): Promise<LoadedArtifact> {
  if (spec.inline && spec.synthesize) return loadSynthesizedArtifact(spec.label, spec.inline, spec.synthesize);
  if (spec.inline) return loadInlineArtifact(spec.label, spec.inline, spec.note);
  const origin = displayPath(spec.cdk ? spec.cdk.appDir : (spec.file ?? spec.markdown ?? ''));
  const sources = await Promise.all((spec.sources ?? []).map(readSourceFile));
  let template: LoadedTemplate | undefined;
  let kind: 'cdk-synthesized' | 'template-file' | 'markdown' = 'template-file';
  const notes: string[] = [];
  if (spec.cdk) {
    const outcome = await synthesize(spec.cdk);
    if (outcome.status === 'failed') {
      return {
        state: { status: 'failed', label: spec.label, origin, stage: 'synthesis', message: outcome.message, detail: outcome.detail },
        sources,
      };
    }
    template = synthesizedTemplates.get(outcome) ?? {
      ...fromObject(outcome.template, `${origin}/${outcome.stackName}.template.json`),
      constructs: outcome.constructs,
    };
    synthesizedTemplates.set(outcome, template);
    kind = 'cdk-synthesized';
  }
  const markdown = spec.markdown ?? (spec.file?.endsWith('.md') ? spec.file : undefined);
  if (spec.file && spec.file !== markdown) {
    const file = spec.file;
    template = await parseFileCached(file, 'template', (text) => parseTemplate(text, displayPath(file)));
    if (spec.constructPaths) template = { ...template, constructs: await readConstructPaths(spec.constructPaths) };
  }
  if (markdown) {
    const parts = await parseFileCached(markdown, 'markdown', (text) => classifyMarkdown(text, displayPath(markdown)));
    sources.push(...parts.sources);
    // A template given as a file or synthesized is the artifact's, so the markdown's main-template note would mislead.
    notes.push(...(template ? parts.notes.filter((n) => !n.startsWith('Main template:')) : parts.notes));
    // The answer's main template (drafts in a reasoning section are already set aside).
    if (!template && parts.main) template = parts.templates[parts.main.index].loaded;
    if (!spec.cdk && !spec.file?.match(/\.(json|ya?ml)$/)) kind = 'markdown';
  }
  const state: ArtifactState = {
    status: 'ok',
    label: spec.label,
    origin,
    kind,
    hash: template?.hash ?? '',
    resourceCount: template ? Object.keys(template.template.Resources).length : 0,
    sources: sources.map((s) => ({
      path: s.name ? `${s.path} (${s.name})` : s.path,
      language: s.language,
      lines: s.text.split('\n').length,
    })),
    ...(notes.length > 0 ? { notes } : {}),
  };
  return { state, template, sources };
}
