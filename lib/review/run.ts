import { diffTemplates } from '../diff/template-diff';
import { analyzeArtifact, sortFindings } from '../rules/analyze';
import { prewarmValidator } from '../rules/cfn-validate/client';
import { hashValue } from '../templates/load';
import { loadArtifact, type ArtifactSpec, type LoadedArtifact } from './artifacts';
import { countFindings } from './counts';
import type { ReviewFinding, ReviewResult, Side } from './types';

/** A review to run: a reference and a model artifact under an id. */
export interface ReviewDefinition {
  id: string;
  name: string;
  reference: ArtifactSpec;
  model: ArtifactSpec;
}

const results = new Map<string, Promise<ReviewResult>>();
const MAX_CACHED_REVIEWS = 64;

/** Runs a review; a repeated run over identical artifacts returns the cached result without re-analyzing. */
export async function runReview(def: ReviewDefinition): Promise<ReviewResult> {
  prewarmValidator();
  const [reference, model] = await Promise.all([loadArtifact(def.reference), loadArtifact(def.model)]);
  const key = hashValue([def.id, def.name, fingerprint(reference), fingerprint(model)]);
  let result = results.get(key);
  if (!result) {
    result = compute(def, reference, model);
    results.set(key, result);
    result.catch(() => results.delete(key));
    if (results.size > MAX_CACHED_REVIEWS) results.delete(results.keys().next().value as string);
  }
  return result;
}

/** What identifies an artifact's content: template hash, sources, or the failure. */
function fingerprint(artifact: LoadedArtifact): unknown {
  if (artifact.state.status === 'failed') return [artifact.state.message, artifact.state.detail];
  return [artifact.template?.hash ?? null, artifact.sources.map((s) => [s.path, s.name ?? '', s.startLine, s.text])];
}

async function compute(def: ReviewDefinition, reference: LoadedArtifact, model: LoadedArtifact): Promise<ReviewResult> {
  const [referenceFindings, modelFindings] = await Promise.all([findingsOf(reference, 'reference'), findingsOf(model, 'model')]);
  const findings = sortFindings([...modelFindings, ...referenceFindings]);
  const diff =
    reference.template && model.template
      ? diffTemplates(reference.template.template, model.template.template, { from: reference.state.label, to: model.state.label })
      : null;
  return {
    id: def.id,
    name: def.name,
    generatedAt: new Date().toISOString(),
    reference: reference.state,
    model: model.state,
    findings,
    counts: countFindings(findings),
    diff,
  };
}

async function findingsOf(artifact: LoadedArtifact, side: Side): Promise<ReviewFinding[]> {
  if (artifact.state.status === 'failed') return [];
  const findings = await analyzeArtifact({ template: artifact.template, sources: artifact.sources });
  return findings.map((f) => ({ ...f, side }));
}
