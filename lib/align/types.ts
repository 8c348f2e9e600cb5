/* The alignment of a model template with its reference: which resource of one is which resource of the other, and why. */

/** What made two resources a pair; each kind adds to the pair's score. */
export type AlignmentSignal = 'logical-id' | 'name' | 'properties' | 'graph';

/** One reference resource and its counterpart in the model, with the score and the evidence that paired them. */
export interface ResourcePair {
  /** Logical ID in the reference template. */
  reference: string;
  /** Logical ID in the model template (equal to `reference` when paired by the same logical ID). */
  model: string;
  /** The resource type both share. */
  type: string;
  /** 0..1: 1 for the same logical ID, lower the less the pair rests on. */
  score: number;
  /** The signals that paired them, strongest first. */
  signals: AlignmentSignal[];
  /** Plain-language reasons, e.g. `same construct path Data/Table`, `7 of 9 properties equal`. */
  evidence: string[];
}

/** Every resource of both templates, paired or left alone; computed once per pair of templates and shared by findings, the diff and exports. */
export interface Alignment {
  /** Reference resource → model resource, in the reference's order. */
  pairs: ResourcePair[];
  /** Reference logical IDs without a counterpart in the model. */
  missing: string[];
  /** Model logical IDs without a counterpart in the reference. */
  extra: string[];
}
