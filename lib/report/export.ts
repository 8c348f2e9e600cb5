import { z } from 'zod';
import { loadArtifact } from '../pipeline/artifacts';
import type { ReviewDefinition } from '../pipeline/run';
import { modelOwnFindings } from '../pipeline/shared';
import type { ReviewResult } from '../pipeline/types';
import type { Finding } from '../rules/finding';
import { renderJunit } from './junit';
import { templateFileOf, type TemplateFile } from './locate';
import { renderModelFailures } from './model-failures';
import { renderSarif } from './sarif';

/** Formats a review or an analysis exports to. */
export const EXPORT_FORMATS = ['sarif', 'junit', 'md', 'json'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** An export, ready to print or download. */
export interface ExportedFile {
  body: string;
  contentType: string;
  filename: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  sarif: 'application/sarif+json',
  junit: 'application/xml; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json',
};
const EXTENSIONS: Record<ExportFormat, string> = { sarif: 'sarif', junit: 'junit.xml', md: 'md', json: 'json' };

/** Findings of one artifact in a format; `json` is `{findings}` as the CLI prints it. */
export function exportFindings(
  format: ExportFormat,
  {
    findings,
    templates,
    artifact,
    name,
  }: { findings: readonly Finding[]; templates: readonly TemplateFile[]; artifact: string; name: string },
): ExportedFile {
  const base = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'findings';
  const body =
    format === 'sarif'
      ? `${JSON.stringify(renderSarif({ findings, templates, artifact }), null, 2)}\n`
      : format === 'junit'
        ? renderJunit({ findings, templates, artifact, name })
        : format === 'md'
          ? renderModelFailures(findings, { artifact })
          : JSON.stringify({ findings });
  return { body, contentType: CONTENT_TYPES[format], filename: `${base}.${EXTENSIONS[format]}` };
}

/** The model's templates with their lines in the files they came from (none for a synthesized or inline-only model). */
export async function modelTemplateFiles(def: ReviewDefinition): Promise<TemplateFile[]> {
  const model = await loadArtifact(def.model);
  return model.template?.text ? [templateFileOf(model.template)] : [];
}

/**
 * A review in a format. SARIF, JUnit and markdown carry the model's own findings (model-side, not shared with the
 * reference: what is reviewed), pointing at the
 * model's template or markdown lines; `json` is the whole review as the API serves it.
 */
export async function exportReview(format: ExportFormat, review: ReviewResult, def: ReviewDefinition): Promise<ExportedFile> {
  const name = `infra-review-${review.id}`;
  if (format === 'json') return { body: JSON.stringify(review), contentType: CONTENT_TYPES.json, filename: `${name}.json` };
  const findings = modelOwnFindings(review.findings);
  return exportFindings(format, { findings, templates: await modelTemplateFiles(def), artifact: review.model.origin, name });
}
