import { alignLoaded } from '../align';
import { templatePairsOf } from './stack-review';
import type { LoadedArtifact, ReviewFinding } from './types';

/** The reference resource (and its stack) a model resource of a stack is paired with, or undefined when it has none. */
export type CounterpartOf = (modelLogicalId: string, modelStack?: string) => { id: string; stack?: string } | undefined;

/** Pairs resources by logical ID within the same stack: what a review falls back to when no alignment is at hand. */
export const sameLogicalId: CounterpartOf = (id, stack) => ({ id, stack });

/** Counterparts by the alignment of each pair of templates (stacks paired as the diff pairs them); none when a side has no template. */
export function counterpartsOf(reference: LoadedArtifact, model: LoadedArtifact): CounterpartOf {
  const { pairs } = templatePairsOf(reference, model);
  if (pairs.length === 0) return () => undefined;
  const byStack = new Map<string, { stack?: string; referenceOf: Map<string, string> }>();
  for (const pair of pairs) {
    if (!pair.reference || !pair.model) continue;
    const alignment = alignLoaded(pair.reference.template, pair.model.template);
    byStack.set(pair.model.name ?? '', {
      stack: pair.reference.name,
      referenceOf: new Map(alignment.pairs.map((p) => [p.model, p.reference])),
    });
  }
  return (id, stack) => {
    const paired = byStack.get(stack ?? '');
    const counterpart = paired?.referenceOf.get(id);
    return paired && counterpart ? { id: counterpart, stack: paired.stack } : undefined;
  };
}

/** Rule ids a finding stands for: the rule, and every rule merged into it by deduplication. */
function rulesOf(finding: ReviewFinding): string[] {
  return finding.rules ?? [finding.rule];
}

/** What identifies a finding of a rule on the reference: stack and resource (through `resourceOf`), or (source findings) its message. */
function keysOf(finding: ReviewFinding, resourceOf: CounterpartOf): string[] {
  if (finding.resources.length === 0) return rulesOf(finding).map((rule) => JSON.stringify([rule, 'message', finding.message]));
  return rulesOf(finding).flatMap((rule) =>
    finding.resources.flatMap((id) => {
      const resource = resourceOf(id, finding.stack);
      return resource ? [JSON.stringify([rule, resource.stack ?? '', resource.id])] : [];
    }),
  );
}

/**
 * Marks `shared: true` on each model finding that the reference has too: a rule it reports (or merged) reported on the
 * reference resource paired with one of its resources, or for source findings the same rule with the same message.
 * Reference findings and the model's own findings come back unchanged; a review without a reference has none shared.
 */
export function markSharedFindings(findings: readonly ReviewFinding[], counterpartOf: CounterpartOf = sameLogicalId): ReviewFinding[] {
  // An acknowledged reference finding is a choice the reference made on purpose; the model owns it unless it says so too.
  const onReference = new Set(findings.filter((f) => f.side === 'reference' && !f.acknowledged).flatMap((f) => keysOf(f, sameLogicalId)));
  if (onReference.size === 0) return [...findings];
  return findings.map((f) => {
    if (f.side !== 'model') return f;
    const shared = keysOf(f, counterpartOf).some((key) => onReference.has(key));
    return shared ? { ...f, shared: true } : f;
  });
}

/** The model's own findings: model-side findings that the reference does not share (what counts as the model's failures). */
export function modelOwnFindings<T extends ReviewFinding>(findings: readonly T[]): T[] {
  return findings.filter((f) => f.side === 'model' && !f.shared);
}
