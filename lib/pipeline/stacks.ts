/* The stacks of a multi-stack artifact, and how the reference's stacks are paired with the model's. */
import type { PairedBy } from '../diff/types';
import type { LoadedTemplate } from '../templates/types';

/** One stack of an artifact; a single template (a file, a markdown answer) has no name. */
export interface StackTemplate {
  name?: string;
  /** For a nested stack: its parent stack's name. */
  parent?: string;
  template: LoadedTemplate;
}

/** A reference stack and its counterpart in the model; one side is missing when nothing pairs with it. */
export interface StackPair {
  reference?: StackTemplate;
  model?: StackTemplate;
  pairedBy?: PairedBy;
}

// Resources CDK adds to every stack say nothing about which stacks correspond.
const IGNORED_TYPES = new Set(['AWS::CDK::Metadata']);

/**
 * Pairs each model stack with at most one reference stack: equal names first, then names equal once lower-cased,
 * stripped of separators and of CDK's 8-character hash, or one a prefix of the other per `/` segment (an environment
 * suffix: `TapStack` and `TapStackdev`); then by the logical ids, else resource types, they share; when one stack is
 * left on each side, those two. Pairs come in the model's order, then the reference stacks nothing paired with.
 */
export function pairStacks(reference: readonly StackTemplate[], model: readonly StackTemplate[]): StackPair[] {
  const partnerOf = new Map<StackTemplate, { reference: StackTemplate; pairedBy: PairedBy }>();
  const pairedReferences = new Set<StackTemplate>();
  const openReferences = () => reference.filter((r) => !pairedReferences.has(r));
  const openModels = () => model.filter((m) => !partnerOf.has(m));
  const pair = (r: StackTemplate, m: StackTemplate, pairedBy: PairedBy) => {
    partnerOf.set(m, { reference: r, pairedBy });
    pairedReferences.add(r);
  };
  const pairBestFirst = (pairedBy: PairedBy, score: (r: StackTemplate, m: StackTemplate) => number) => {
    const refs = openReferences();
    const candidates = openModels().flatMap((m, mi) => refs.map((r, ri) => ({ r, m, score: score(r, m), order: mi * refs.length + ri })));
    candidates.sort((a, b) => b.score - a.score || a.order - b.order);
    for (const { r, m, score: s } of candidates) if (s > 0 && !partnerOf.has(m) && !pairedReferences.has(r)) pair(r, m, pairedBy);
  };
  pairBestFirst('name', (r, m) => (r.name !== undefined && r.name === m.name ? 1 : 0));
  pairBestFirst('name', nameScore);
  pairBestFirst('resources', resourceScore);
  const [lastReference, ...otherReferences] = openReferences();
  const [lastModel, ...otherModels] = openModels();
  if (lastReference && lastModel && otherReferences.length === 0 && otherModels.length === 0) pair(lastReference, lastModel, 'only');
  const pairs: StackPair[] = model.map((m) => {
    const partner = partnerOf.get(m);
    return partner ? { reference: partner.reference, model: m, pairedBy: partner.pairedBy } : { model: m };
  });
  return [...pairs, ...openReferences().map((r) => ({ reference: r }))];
}

/** How alike two stack names are: the length of their shared key when every `/` segment agrees (equal, or one a prefix of the other); 0 otherwise. */
function nameScore(reference: StackTemplate, model: StackTemplate): number {
  if (reference.name === undefined || model.name === undefined) return 0;
  const a = nameKey(reference.name);
  const b = nameKey(model.name);
  if (a.length !== b.length) return 0;
  let score = 0;
  for (let i = 0; i < a.length; i++) {
    const [short, long] = a[i].length <= b[i].length ? [a[i], b[i]] : [b[i], a[i]];
    if (!long.startsWith(short) || (short !== long && short.length < 3)) return 0;
    // An equal segment counts more than a prefix, so `TapStack` pairs with `TapStack` before `TapStackdev`.
    score += short.length * 2 + (short === long ? 1 : 0);
  }
  return score;
}

/** A stack name's `/` segments, lower-cased, without separators or a trailing CDK hash. */
function nameKey(name: string): string[] {
  return name.split('/').map((segment) =>
    segment
      .replace(/(?<=[A-Za-z].*)[0-9A-F]{8}$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, ''),
  );
}

/** Shared logical ids first (each worth more than any number of shared types), then shared resource types (as multisets). */
function resourceScore(reference: StackTemplate, model: StackTemplate): number {
  const a = resourcesOf(reference);
  const b = resourcesOf(model);
  const ids = a.filter(([id]) => b.some(([other]) => other === id)).length;
  const types = new Map<string, number>();
  for (const [, type] of a) types.set(type, (types.get(type) ?? 0) + 1);
  let sharedTypes = 0;
  for (const [, type] of b) {
    const left = types.get(type) ?? 0;
    if (left > 0) {
      sharedTypes += 1;
      types.set(type, left - 1);
    }
  }
  return ids * 100_000 + sharedTypes;
}

function resourcesOf(stack: StackTemplate): [string, string][] {
  return Object.entries(stack.template.template.Resources)
    .filter(([, r]) => !IGNORED_TYPES.has(r.Type))
    .map(([id, r]) => [id, r.Type]);
}
