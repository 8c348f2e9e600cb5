/* The model template with its paired resources renamed to their reference logical IDs, so that fullDiff compares each pair as one resource. */
import type { Alignment, ResourcePair } from '../align/types';
import { renameReferences } from '../align/references';
import type { CfnTemplate, CfnValue } from '../templates/types';

/** The renamed copy and, per reference logical ID, the pair whose model resource now carries it. */
export interface RenamedModel {
  template: CfnTemplate;
  renamed: Map<string, ResourcePair>;
}

// Sections whose values may reference resources; Resources is handled on its own (its keys are renamed too).
const REFERENCING_SECTIONS = ['Outputs', 'Conditions', 'Metadata'] as const;

/**
 * A deep copy of `model` in which each paired resource renamed in the model takes its reference logical ID, and every
 * reference to it follows (Ref, Fn::GetAtt in both forms, Fn::Sub, DependsOn, Outputs, Conditions). A rename whose
 * target ID another model resource keeps is skipped (the two stay apart). `model` is never mutated.
 */
export function renameToReference(model: CfnTemplate, alignment: Alignment): RenamedModel {
  const staying = new Set(Object.keys(model.Resources));
  const candidates = alignment.pairs.filter((pair) => pair.model !== pair.reference);
  for (const pair of candidates) staying.delete(pair.model);
  const renames = new Map<string, ResourcePair>();
  for (const pair of candidates) if (!staying.has(pair.reference)) renames.set(pair.model, pair);
  if (renames.size === 0) return { template: structuredClone(model) as CfnTemplate, renamed: new Map() };

  const rename = (name: string) => renames.get(name)?.reference ?? name;
  const resources: Record<string, CfnValue> = {};
  for (const [id, resource] of Object.entries(model.Resources)) {
    const copy = renameReferences(resource as unknown as CfnValue, rename) as { [key: string]: CfnValue };
    const dependsOn = copy.DependsOn;
    if (typeof dependsOn === 'string') copy.DependsOn = rename(dependsOn);
    else if (Array.isArray(dependsOn)) copy.DependsOn = dependsOn.map((name) => (typeof name === 'string' ? rename(name) : name));
    resources[rename(id)] = copy;
  }
  const template = structuredClone({ ...model, Resources: resources }) as Record<string, unknown>;
  for (const section of REFERENCING_SECTIONS) {
    const value = model[section];
    if (value !== undefined) template[section] = renameReferences(value as CfnValue, rename);
  }
  return {
    template: template as unknown as CfnTemplate,
    renamed: new Map([...renames.values()].map((pair) => [pair.reference, pair])),
  };
}
