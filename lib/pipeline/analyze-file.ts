import { readFile } from 'node:fs/promises';
import { AppError } from '../errors';
import { analyzeArtifact, sortFindings, type AnalysisOptions } from '../rules/analyze';
import type { Finding } from '../rules/finding';
import { parseTemplate } from '../templates/load';
import { classifyMarkdown } from '../templates/markdown';

/** Findings for one artifact file: a template (.json/.yaml/.yml) or a markdown answer whose blocks are templates or code; `options.packs` adds cdk-nag packs. */
export async function analyzeFile(file: string, options: AnalysisOptions = {}): Promise<Finding[]> {
  const text = await readFile(file, 'utf8').catch((error) => {
    throw new AppError('not_found:file', `${file}: cannot read file (${error.code ?? 'error'})`, { cause: error });
  });
  if (!file.toLowerCase().endsWith('.md')) return analyzeArtifact({ template: parseTemplate(text, file), sources: [] }, options);
  const parts = classifyMarkdown(text, file);
  const runs = parts.templates.map(({ loaded }) => analyzeArtifact({ template: loaded, sources: [] }, options));
  runs.push(analyzeArtifact({ sources: parts.sources }));
  return sortFindings((await Promise.all(runs)).flat());
}
