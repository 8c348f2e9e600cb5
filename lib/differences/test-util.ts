/* Builders for difference tests: alignments written by hand, so that tests do not depend on the aligner. */
import type { Alignment } from '../align/types';
import type { CfnTemplate } from '../templates/types';

/** An alignment pairing reference ID → model ID as given; every other resource of each side is missing or extra. */
export function alignment(reference: CfnTemplate, model: CfnTemplate, pairs: Record<string, string> = {}): Alignment {
  const sameIds = Object.keys(reference.Resources).filter(
    (id) => model.Resources[id] && !(id in pairs) && !Object.values(pairs).includes(id),
  );
  const all = { ...Object.fromEntries(sameIds.map((id) => [id, id])), ...pairs };
  const paired = new Set(Object.values(all));
  return {
    pairs: Object.entries(all).map(([ref, mod]) => ({
      reference: ref,
      model: mod,
      type: reference.Resources[ref].Type,
      score: ref === mod ? 1 : 0.5,
      signals: ['logical-id'],
      evidence: [],
    })),
    missing: Object.keys(reference.Resources).filter((id) => !(id in all)),
    extra: Object.keys(model.Resources).filter((id) => !paired.has(id)),
  };
}
