/* Reviews of multi-stack apps: which templates a side has, findings tagged by stack, and the diff of paired stacks. */
import { alignLoaded } from '../align';
import { diffStacks } from '../diff/stack-diffs';
import { diffTemplates } from '../diff/template-diff';
import type { TemplateDiffJson } from '../diff/types';
import type { Finding } from '../rules/finding';
import { pairStacks, type StackPair, type StackTemplate } from './stacks';
import type { LoadedArtifact } from './types';

/** The templates of a side: its stacks, else its one (unnamed) template, else none. */
export function stacksOf(artifact: LoadedArtifact): StackTemplate[] {
  if (artifact.state.status === 'failed') return [];
  if (artifact.stacks?.length) return artifact.stacks;
  return artifact.template ? [{ template: artifact.template }] : [];
}

/** Whether a review goes stack by stack: when either side has several stacks (one template each is reviewed as it always was). */
export function reviewsByStack(reference: LoadedArtifact, model: LoadedArtifact): boolean {
  return stacksOf(reference).length > 1 || stacksOf(model).length > 1;
}

/**
 * The template pairs a review compares, computed one way for the diff, difference findings and shared problems: every
 * stack pair (pairStacks) when the review goes stack by stack, else the one template of each side; none when a side has no template.
 */
export function templatePairsOf(reference: LoadedArtifact, model: LoadedArtifact): { byStack: boolean; pairs: StackPair[] } {
  const [from, to] = [stacksOf(reference), stacksOf(model)];
  if (from.length === 0 || to.length === 0) return { byStack: false, pairs: [] };
  const byStack = reviewsByStack(reference, model);
  return { byStack, pairs: byStack ? pairStacks(from, to) : [{ reference: from[0], model: to[0] }] };
}

/** The findings with `stack` set to `name`, on the evidence that names a resource too; unchanged when the stack has no name. */
export function tagStack(findings: readonly Finding[], name: string | undefined): Finding[] {
  if (name === undefined) return [...findings];
  return findings.map((finding) => ({
    ...finding,
    stack: name,
    ...(finding.evidence ? { evidence: finding.evidence.map((e) => (e.resource !== undefined ? { ...e, stack: name } : e)) } : {}),
  }));
}

/**
 * Reference (from) to model (to) diff; null when either side has no template. Stack by stack (reviewsByStack), each
 * model stack against its counterpart found by pairStacks, else the one template of each side as before; resources
 * are aligned per pair of templates (lib/align), so a renamed resource is one updated entry.
 */
export function diffArtifacts(reference: LoadedArtifact, model: LoadedArtifact): TemplateDiffJson | null {
  const labels = { from: reference.state.label, to: model.state.label };
  const { byStack, pairs } = templatePairsOf(reference, model);
  if (pairs.length === 0) return null;
  if (!byStack) {
    const [{ reference: from, model: to }] = pairs;
    if (!from || !to) return null;
    return diffTemplates(from.template.template, to.template.template, labels, { alignment: alignLoaded(from.template, to.template) });
  }
  const comparisons = pairs.map((pair) => ({
    ...(pair.reference ? { from: { name: pair.reference.name, template: pair.reference.template.template } } : {}),
    ...(pair.model ? { to: { name: pair.model.name, template: pair.model.template.template } } : {}),
    ...(pair.pairedBy ? { pairedBy: pair.pairedBy } : {}),
    ...(pair.reference && pair.model ? { alignment: alignLoaded(pair.reference.template, pair.model.template) } : {}),
  }));
  return diffStacks(comparisons, labels);
}
