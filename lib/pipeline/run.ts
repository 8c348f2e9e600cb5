import { analyzeArtifact, sortFindings, type AnalysisInput } from '../rules/analyze';
import { parseRulePacks, type RulePackId } from '../rules/cdk-nag/packs';
import { prewarmCfnLint } from '../rules/cfn-lint/client';
import { prewarmValidator } from '../rules/cfn-validate/client';
import { runInLane } from '../limits/heavy-lane';
import { hashValue } from '../templates/load';
import { loadArtifact } from './artifacts';
import type { ArtifactSpec, LoadedArtifact } from './types';
import { pointAtConstructs } from './construct-locations';
import { countFindings } from './counts';
import { compareArtifactsOffThread, runRulesOffThread } from './review-thread';
import { counterpartsOf, markSharedFindings } from './shared';
import { reviewsByStack, stacksOf, tagStack } from './stack-review';
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

/** Runs a review (`onLoaded` is told when both sides are synthesized or parsed and the analysis starts); a repeated run over identical artifacts returns the cached result without re-analyzing. */
export async function runReview(def: ReviewDefinition, onLoaded?: () => void): Promise<ReviewResult> {
  prewarmValidator();
  prewarmCfnLint();
  parseRulePacks(def.rulePacks); // an unknown pack fails before any synthesis
  const [reference, model] = await Promise.all([loadArtifact(def.reference), loadArtifact(def.model)]);
  onLoaded?.();
  return reviewArtifacts(def, reference, model);
}

/** Runs a review of sides already loaded (the artifacts of `def` are not read); cached as runReview is. */
export function reviewArtifacts(def: ReviewDefinition, reference: LoadedArtifact, model: LoadedArtifact): Promise<ReviewResult> {
  const packs = parseRulePacks(def.rulePacks);
  const key = hashValue([def.id, def.name, fingerprint(reference), fingerprint(model), ...(packs.length ? [packs] : [])]);
  const resources = resourcesOf(reference) + resourcesOf(model);
  return remember(results, key, () => runInLane(resources, () => compute(def, reference, model, packs)));
}

function resourcesOf(artifact: LoadedArtifact): number {
  return artifact.state.status === 'ok' ? artifact.state.resourceCount : 0;
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

/** What identifies an artifact's content: template hash (every stack's, named, for an app with several), sources, or the failure. */
function fingerprint(artifact: LoadedArtifact): unknown {
  if (artifact.state.status === 'failed') return [artifact.state.message, artifact.state.detail];
  const stacks = artifact.stacks && artifact.stacks.length > 1 ? [artifact.stacks.map((s) => [s.name, s.template.hash])] : [];
  return [artifact.template?.hash ?? null, artifact.sources.map(sourceHash), ...stacks];
}

async function compute(
  def: ReviewDefinition,
  reference: LoadedArtifact,
  model: LoadedArtifact,
  packs: RulePackId[],
): Promise<ReviewResult> {
  // The comparison (diff, difference findings) of a large pair goes to the review's thread first; the analyses then start
  // the linters, which work off the main thread too (the validator's worker thread, cfn-lint's Python process), and run
  // their rules (a large template's in the review's thread). A small pair is compared here after that, while the linters work.
  const byStack = reviewsByStack(reference, model);
  const compared = compareArtifactsOffThread(reference, model);
  const analyses = Promise.all([findingsOf(reference, 'reference', packs, byStack), findingsOf(model, 'model', packs, byStack)]);
  const { diff, differences: modelDifferences } = await compared;
  const differences = modelDifferences.map((f): ReviewFinding => ({ ...f, side: 'model' }));
  const [referenceFindings, modelFindings] = await analyses;
  const findings = pointAtConstructs(
    markSharedFindings(sortFindings([...modelFindings, ...differences, ...referenceFindings]), counterpartsOf(reference, model)),
    { reference, model },
  );
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

/**
 * Findings of one side; an artifact (or stack) already analyzed (e.g. the reference, paired with a new model) is not
 * analyzed again. `byStack`: the sources once, then each stack's template on its own, its findings tagged with its name.
 */
async function findingsOf(artifact: LoadedArtifact, side: Side, packs: RulePackId[], byStack: boolean): Promise<ReviewFinding[]> {
  if (artifact.state.status === 'failed') return [];
  const analyze = (input: AnalysisInput) => {
    const content = [input.template?.hash ?? null, input.sources.map(sourceHash)];
    return remember(analyses, hashValue(packs.length ? [content, packs] : content), () =>
      analyzeArtifact(input, { packs, runRules: runRulesOffThread }),
    );
  };
  const findings = byStack
    ? (
        await Promise.all([
          analyze({ sources: artifact.sources }),
          ...stacksOf(artifact).map(async (stack) => tagStack(await analyze({ template: stack.template, sources: [] }), stack.name)),
        ])
      ).flat()
    : await analyze({ template: artifact.template, sources: artifact.sources });
  return [...findings, ...(artifact.extraFindings ?? [])].map((f) => ({ ...f, side }));
}
