import type { ReviewFinding } from './types';

/** The reference resource a model resource is paired with (in the same stack), or undefined when it has none. */
export type CounterpartOf = (modelLogicalId: string, stack?: string) => string | undefined;

/** Pairs resources by logical ID alone: what a review falls back to when no alignment is at hand. */
export const sameLogicalId: CounterpartOf = (id) => id;

/** Rule ids a finding stands for: the rule, and every rule merged into it by deduplication. */
function rulesOf(finding: ReviewFinding): string[] {
  return finding.rules ?? [finding.rule];
}

/** What identifies one reference finding for a rule: its stack and resource, or (source findings) its message. */
function keysOf(finding: ReviewFinding, resourceOf: (id: string) => string | undefined): string[] {
  const stack = finding.stack ?? '';
  if (finding.resources.length === 0) return rulesOf(finding).map((rule) => JSON.stringify([rule, 'message', finding.message]));
  return rulesOf(finding).flatMap((rule) =>
    finding.resources.flatMap((id) => {
      const resource = resourceOf(id);
      return resource ? [JSON.stringify([rule, stack, resource])] : [];
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
  const onReference = new Set(findings.filter((f) => f.side === 'reference' && !f.acknowledged).flatMap((f) => keysOf(f, (id) => id)));
  if (onReference.size === 0) return [...findings];
  return findings.map((f) => {
    if (f.side !== 'model') return f;
    const shared = keysOf(f, (id) => counterpartOf(id, f.stack)).some((key) => onReference.has(key));
    return shared ? { ...f, shared: true } : f;
  });
}

/** The model's own findings: model-side findings that the reference does not share (what counts as the model's failures). */
export function modelOwnFindings<T extends ReviewFinding>(findings: readonly T[]): T[] {
  return findings.filter((f) => f.side === 'model' && !f.shared);
}
