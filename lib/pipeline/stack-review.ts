/* Reviews of multi-stack apps: which templates a side has, findings tagged by stack, and the diff of paired stacks. */
import { alignLoaded } from '../align';
import { diffStacks } from '../diff/stack-diffs';
import { diffTemplates } from '../diff/template-diff';
import type { TemplateDiffJson } from '../diff/types';
import type { Finding } from '../rules/finding';
import { pairStacks, type StackTemplate } from './stacks';
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
  const [from, to] = [stacksOf(reference), stacksOf(model)];
  if (from.length === 0 || to.length === 0) return null;
  if (!reviewsByStack(reference, model)) {
    const alignment = alignLoaded(from[0].template, to[0].template);
    return diffTemplates(from[0].template.template, to[0].template.template, labels, { alignment });
  }
  const comparisons = pairStacks(from, to).map((pair) => ({
    ...(pair.reference ? { from: { name: pair.reference.name, template: pair.reference.template.template } } : {}),
    ...(pair.model ? { to: { name: pair.model.name, template: pair.model.template.template } } : {}),
    ...(pair.pairedBy ? { pairedBy: pair.pairedBy } : {}),
    ...(pair.reference && pair.model ? { alignment: alignLoaded(pair.reference.template, pair.model.template) } : {}),
  }));
  return diffStacks(comparisons, labels);
}
