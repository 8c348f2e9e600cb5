/* Difference findings of a review: the model against its reference, one stack pair at a time, aligned once per pair. */
import { alignLoaded } from '../align/index';
import { differenceFindings } from '../differences/index';
import type { Finding } from '../rules/finding';
import { findAcknowledgement, readAcknowledgements } from '../rules/metadata-acknowledgements';
import { fromObject } from '../templates/load';
import type { LoadedTemplate } from '../templates/types';
import { tagStack, templatePairsOf } from './stack-review';
import type { LoadedArtifact } from './types';

/**
 * Model-side findings of every difference from the reference; none when either side has no template (a review
 * without a reference is unchanged). Multi-stack apps: per pair of stacks (pairStacks), tagged with the model stack's name;
 * a reference stack without a counterpart is compared with an empty template, its findings tagged with its own name.
 */
export function reviewDifferences(reference: LoadedArtifact, model: LoadedArtifact): Finding[] {
  const { byStack, pairs } = templatePairsOf(reference, model);
  if (!byStack)
    return pairs.flatMap((pair) => (pair.reference && pair.model ? templateDifferences(pair.reference.template, pair.model.template) : []));
  return pairs.flatMap(({ reference: ours, model: theirs }) => {
    if (ours && theirs)
      return tagStack(templateDifferences(ours.template, theirs.template), theirs.name).map((f) => referenceStack(f, ours.name));
    // A reference stack the model has no counterpart for: everything in it is missing, said under the reference stack's name.
    if (ours)
      return tagStack(templateDifferences(ours.template, emptyCounterpart(ours.template)), ours.name).map((f) =>
        referenceStack(f, ours.name),
      );
    return [];
  });
}

/** An empty template standing for a stack the model lacks (never mutated; the alignment then pairs nothing). */
function emptyCounterpart(reference: LoadedTemplate): LoadedTemplate {
  return fromObject({ Resources: {} }, `${reference.path} (absent from the model)`);
}

/** The finding with the evidence read from the reference named by the reference's stack (tagStack names the model's). */
function referenceStack(finding: Finding, name: string | undefined): Finding {
  if (!finding.evidence?.some((e) => e.side === 'reference' && e.resource !== undefined)) return finding;
  return {
    ...finding,
    evidence: finding.evidence.map((e) => (e.side === 'reference' && e.resource !== undefined ? { ...e, stack: name } : e)),
  };
}

/** Difference findings of one template pair; the model's own acknowledgements (template metadata) apply to them as to rule findings. */
function templateDifferences(reference: LoadedTemplate, model: LoadedTemplate): Finding[] {
  const findings = differenceFindings(reference.template, model.template, alignLoaded(reference, model));
  const acks = readAcknowledgements(model.template);
  if (acks.length === 0) return findings;
  return findings.map((finding) => {
    const ack = findAcknowledgement(acks, finding.rule, finding.resources);
    return ack ? { ...finding, acknowledged: { reason: ack.reason } } : finding;
  });
}
