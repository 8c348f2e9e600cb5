/* Aligns a model template with its reference: same logical ID first, then per type the best match by name, properties and graph position. */
import type { CfnTemplate, LoadedTemplate } from '../templates/types';
import { resourceGraph } from './graph';
import { AlignmentSide, describeCandidate, scoreCandidate, type Candidate } from './score';
import type { Alignment, ResourcePair } from './types';

// Below these scores a candidate is no pair: a lone resource of a type on both sides needs little, several need real evidence.
const LONE_THRESHOLD = 0;
const THRESHOLD = 0.35;
// Candidates closer than this to a rival wait for a later round, when more neighbours are paired.
const TIE_MARGIN = 0.02;
const ROUNDS = 3;
// Above this many candidate pairs in a type, each reference resource is scored only against a shortlist (see prefilter).
const FULL_SCAN_LIMIT = 400;
const PREFILTER_KEEP = 12;

/** The alignment of `model` with `reference`; pure and deterministic (ties go to template order), inputs are never mutated. */
export function alignTemplates(reference: CfnTemplate, model: CfnTemplate): Alignment {
  const referenceSide = new AlignmentSide(reference, resourceGraph(reference));
  const modelSide = new AlignmentSide(model, resourceGraph(model));
  const modelOf = new Map<string, string>();
  const paired = new Map<string, ResourcePair>();
  for (const [id, resource] of Object.entries(reference.Resources)) {
    if (model.Resources[id]?.Type !== resource.Type) continue;
    modelOf.set(id, id);
    paired.set(id, { reference: id, model: id, type: resource.Type, score: 1, signals: ['logical-id'], evidence: ['same logical ID'] });
  }
  const buckets = typeBuckets(reference, model, new Set(modelOf.values()), modelOf);
  for (let round = 0; round < ROUNDS; round++) {
    const final = round === ROUNDS - 1;
    let accepted = 0;
    for (const bucket of buckets) {
      for (const pick of assign(bucket, referenceSide, modelSide, modelOf, final)) {
        modelOf.set(pick.reference, pick.model);
        paired.set(pick.reference, toPair(pick, bucket));
        accepted++;
      }
    }
    if (accepted === 0 && !final) round = ROUNDS - 2;
  }
  const pairedModels = new Set(modelOf.values());
  return {
    pairs: Object.keys(reference.Resources).flatMap((id) => paired.get(id) ?? []),
    missing: Object.keys(reference.Resources).filter((id) => !modelOf.has(id)),
    extra: Object.keys(model.Resources).filter((id) => !pairedModels.has(id)),
  };
}

const CACHE_LIMIT = 64;
const cache = new Map<string, Alignment>();

/** alignTemplates for loaded templates, computed once per pair of template hashes (the last CACHE_LIMIT pairs are kept). */
export function alignLoaded(reference: LoadedTemplate, model: LoadedTemplate): Alignment {
  const key = `${reference.hash}:${model.hash}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const alignment = alignTemplates(reference.template, model.template);
  rememberAlignment(reference.hash, model.hash, alignment);
  return alignment;
}

/** Keeps an alignment computed elsewhere (another thread) for a pair of template hashes, so alignLoaded need not recompute it. */
export function rememberAlignment(referenceHash: string, modelHash: string, alignment: Alignment): void {
  const key = `${referenceHash}:${modelHash}`;
  if (cache.has(key)) return;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, alignment);
}

/** Unpaired resources of one type on both sides. */
interface TypeBucket {
  type: string;
  references: string[];
  models: string[];
  lone: boolean;
}

function typeBuckets(reference: CfnTemplate, model: CfnTemplate, takenModels: Set<string>, modelOf: Map<string, string>): TypeBucket[] {
  const byType = new Map<string, TypeBucket>();
  const bucketOf = (type: string) => {
    let bucket = byType.get(type);
    if (!bucket) byType.set(type, (bucket = { type, references: [], models: [], lone: false }));
    return bucket;
  };
  for (const [id, resource] of Object.entries(reference.Resources)) if (!modelOf.has(id)) bucketOf(resource.Type).references.push(id);
  for (const [id, resource] of Object.entries(model.Resources)) if (!takenModels.has(id)) bucketOf(resource.Type).models.push(id);
  const buckets = [...byType.values()].filter((b) => b.references.length > 0 && b.models.length > 0);
  for (const bucket of buckets) bucket.lone = bucket.references.length === 1 && bucket.models.length === 1;
  return buckets;
}

/** Greedy best-first picks in one bucket; outside the final round, a pick with a near rival waits. Picked resources leave the bucket. */
function assign(
  bucket: TypeBucket,
  reference: AlignmentSide,
  model: AlignmentSide,
  modelOf: Map<string, string>,
  final: boolean,
): Candidate[] {
  // The last one left of a type on each side is as good as lone once the others are paired.
  bucket.lone ||= bucket.references.length === 1 && bucket.models.length === 1;
  const threshold = bucket.lone ? LONE_THRESHOLD : THRESHOLD;
  const order = new Map([...bucket.references, ...bucket.models].map((id, i) => [id, i]));
  const shortlist = bucket.references.length * bucket.models.length > FULL_SCAN_LIMIT ? prefilter(bucket, reference, model) : undefined;
  const candidates = bucket.references
    .flatMap((r) => (shortlist?.(r) ?? bucket.models).map((m) => scoreCandidate(reference, r, model, m, modelOf)))
    .filter((c) => c.score >= threshold)
    .sort((a, b) => b.score - a.score || order.get(a.reference)! - order.get(b.reference)! || order.get(a.model)! - order.get(b.model)!);
  const byReference = groupBy(candidates, (c) => c.reference);
  const byModel = groupBy(candidates, (c) => c.model);
  const taken = new Set<string>();
  const free = (c: Candidate) => !taken.has(c.reference) && !taken.has(c.model);
  const hasRival = (candidate: Candidate, list: Candidate[]) =>
    list.some((other) => other !== candidate && other.score >= candidate.score - TIE_MARGIN && free(other));
  const picks: Candidate[] = [];
  for (const candidate of candidates) {
    if (!free(candidate)) continue;
    if (!final && (hasRival(candidate, byReference.get(candidate.reference)!) || hasRival(candidate, byModel.get(candidate.model)!)))
      continue;
    taken.add(candidate.reference).add(candidate.model);
    picks.push(candidate);
  }
  bucket.references = bucket.references.filter((id) => !taken.has(id));
  bucket.models = bucket.models.filter((id) => !taken.has(id));
  return picks;
}

// Name tokens or property values held by more than this share of a bucket's model resources (and more than a few) do not tell them apart; the shortlist ignores them.
const COMMON_KEY_SHARE = 0.1;
const COMMON_KEY_MIN = 4;

/** For a large bucket: per reference resource, the model resources sharing the most name tokens or property values (an inverted index, not a scan). */
function prefilter(bucket: TypeBucket, reference: AlignmentSide, model: AlignmentSide): (referenceId: string) => string[] {
  const keysOf = (side: AlignmentSide, id: string) => [
    ...side.nameOf(id).weights.keys(),
    ...[...side.leavesOf(id)].map(([path, value]) => `${path}=${value}`),
  ];
  const index = new Map<string, string[]>();
  for (const id of bucket.models) {
    for (const key of keysOf(model, id)) {
      const postings = index.get(key);
      if (postings) postings.push(id);
      else index.set(key, [id]);
    }
  }
  const commonAbove = Math.max(COMMON_KEY_MIN, bucket.models.length * COMMON_KEY_SHARE);
  return (referenceId) => {
    const hits = new Map<string, number>();
    for (const key of keysOf(reference, referenceId)) {
      const postings = index.get(key);
      if (!postings || postings.length > commonAbove) continue;
      for (const id of postings) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    return [...hits]
      .sort((a, b) => b[1] - a[1])
      .slice(0, PREFILTER_KEEP)
      .map(([id]) => id);
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function toPair(candidate: Candidate, bucket: TypeBucket): ResourcePair {
  const { signals, evidence } = describeCandidate(candidate);
  if (bucket.lone) evidence.unshift(`the only unpaired ${bucket.type} on each side`);
  return { reference: candidate.reference, model: candidate.model, type: bucket.type, score: round3(candidate.score), signals, evidence };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
