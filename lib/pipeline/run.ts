import { diffTemplates } from '../diff/template-diff';
import { analyzeArtifact, sortFindings } from '../rules/analyze';
import { parseRulePacks, type RulePackId } from '../rules/cdk-nag/packs';
import { prewarmValidator, validatorIsReady } from '../rules/cfn-validate/client';
import { hashValue } from '../templates/load';
import { loadArtifact } from './artifacts';
import type { ArtifactSpec, LoadedArtifact } from './types';
import { countFindings } from './counts';
import type { Finding } from '../rules/finding';
import type { SourceFile } from '../templates/types';
import type { ReviewFinding, ReviewResult, Side } from './types';

/** A review to run: a reference and a model artifact under an id. */
export interface ReviewDefinition {
  id: string;
  name: string;
  reference: ArtifactSpec;
  model: ArtifactSpec;
  /** cdk-nag packs to run on both templates (ids of RULE_PACKS); none by default, which keeps the seed review exact. */
  rulePacks?: string[];
}

const results = new Map<string, Promise<ReviewResult>>();
const analyses = new Map<string, Promise<Finding[]>>();
const MAX_CACHED = 64;

/** Keeps a bounded cache: the oldest entry goes when the cache is full; failed computations are not kept. */
function remember<T>(cache: Map<string, Promise<T>>, key: string, compute: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = compute();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  }
  return value;
}

/** Runs a review; a repeated run over identical artifacts returns the cached result without re-analyzing. */
export async function runReview(def: ReviewDefinition): Promise<ReviewResult> {
  prewarmValidator();
  const packs = parseRulePacks(def.rulePacks);
  const [reference, model] = await Promise.all([loadArtifact(def.reference), loadArtifact(def.model)]);
  const key = hashValue([def.id, def.name, fingerprint(reference), fingerprint(model), ...(packs.length ? [packs] : [])]);
  return remember(results, key, () => compute(def, reference, model, packs));
}

const sourceHashes = new WeakMap<SourceFile, string>();

/** Hash of one source, computed once per SourceFile object (unchanged files keep their object). */
function sourceHash(source: SourceFile): string {
  let hash = sourceHashes.get(source);
  if (!hash) {
    hash = hashValue([source.path, source.name ?? '', source.startLine, source.language, source.text]);
    sourceHashes.set(source, hash);
  }
  return hash;
}

/** What identifies an artifact's content: template hash, sources, or the failure. */
function fingerprint(artifact: LoadedArtifact): unknown {
  if (artifact.state.status === 'failed') return [artifact.state.message, artifact.state.detail];
  return [artifact.template?.hash ?? null, artifact.sources.map(sourceHash)];
}

async function compute(
  def: ReviewDefinition,
  reference: LoadedArtifact,
  model: LoadedArtifact,
  packs: RulePackId[],
): Promise<ReviewResult> {
  // Analyses run their rules now and then wait for the validator thread. While that engine is still starting, the
  // diff runs meanwhile; once it is warm, the two only compete for the same cores, so the diff waits its turn.
  const validatorWasReady = validatorIsReady();
  const analyses = Promise.all([findingsOf(reference, 'reference', packs), findingsOf(model, 'model', packs)]);
  if (validatorWasReady) await analyses;
  const diff =
    reference.template && model.template
      ? diffTemplates(reference.template.template, model.template.template, { from: reference.state.label, to: model.state.label })
      : null;
  const [referenceFindings, modelFindings] = await analyses;
  const findings = sortFindings([...modelFindings, ...referenceFindings]);
  return {
    id: def.id,
    name: def.name,
    generatedAt: new Date().toISOString(),
    reference: reference.state,
    model: model.state,
    findings,
    counts: countFindings(findings),
    diff,
    ...(packs.length ? { rulePacks: [...packs] } : {}),
  };
}

/** Findings of one side; an artifact already analyzed (e.g. the reference, paired with a new model) is not analyzed again. */
async function findingsOf(artifact: LoadedArtifact, side: Side, packs: RulePackId[]): Promise<ReviewFinding[]> {
  if (artifact.state.status === 'failed') return [];
  const key = hashValue(packs.length ? [fingerprint(artifact), packs] : fingerprint(artifact));
  const findings = await remember(analyses, key, () =>
    analyzeArtifact({ template: artifact.template, sources: artifact.sources }, { packs }),
  );
  return [...findings, ...(artifact.extraFindings ?? [])].map((f) => ({ ...f, side }));
}
