/* The score of one candidate pair: name, properties and graph position, weighted, with the evidence behind each. */
import type { CfnTemplate } from '../templates/types';
import { graphAgreement, type ResourceGraph } from './graph';
import { nameSimilarity, nameTokens, type NameTokens } from './names';
import { propertyLeaves, propertySimilarity, type PropertyLeaves } from './properties';
import type { AlignmentSignal } from './types';

/** One side of an alignment with what scoring needs, computed once per resource on first use. */
export class AlignmentSide {
  private readonly names = new Map<string, NameTokens>();
  private readonly leaves = new Map<string, PropertyLeaves>();
  constructor(
    readonly template: CfnTemplate,
    readonly graph: ResourceGraph,
  ) {}

  /** The resource's name tokens (cached). */
  nameOf(id: string): NameTokens {
    let tokens = this.names.get(id);
    if (!tokens) this.names.set(id, (tokens = nameTokens(id, this.template.Resources[id])));
    return tokens;
  }

  /** The resource's flattened properties (cached). */
  leavesOf(id: string): PropertyLeaves {
    let leaves = this.leaves.get(id);
    if (!leaves) this.leaves.set(id, (leaves = propertyLeaves(this.template.Resources[id])));
    return leaves;
  }
}

/** A scored candidate pair; its signals and evidence are worked out only for the pairs kept (see describeCandidate). */
export interface Candidate {
  reference: string;
  model: string;
  score: number;
  parts: ScorePart[];
}

/** One component of a score: its share (0..1), weight, and how to say it. */
interface ScorePart {
  signal: AlignmentSignal;
  value: number;
  weight: number;
  evidence: () => string;
}

const WEIGHTS = { name: 0.4, properties: 0.3, graph: 0.3 } as const;
// A component at or above this share counts as a signal that paired the two.
const SIGNAL_FLOOR = 0.5;

/** The weighted score of pairing `reference` with `model`; components with nothing to compare (no properties, no neighbours) are left out of the weighting. */
export function scoreCandidate(
  reference: AlignmentSide,
  referenceId: string,
  model: AlignmentSide,
  modelId: string,
  modelOf: ReadonlyMap<string, string>,
): Candidate {
  const referenceName = reference.nameOf(referenceId);
  const modelName = model.nameOf(modelId);
  const name = nameSimilarity(referenceName, modelName);
  const properties = propertySimilarity(reference.leavesOf(referenceId), model.leavesOf(modelId));
  const graph = graphAgreement({ graph: reference.graph, id: referenceId }, { graph: model.graph, id: modelId }, modelOf);
  const parts: ScorePart[] = [
    {
      signal: 'name',
      value: name,
      weight: WEIGHTS.name,
      evidence: () => `names alike (${percent(name)}): ${referenceName.source} ~ ${modelName.source}`,
    },
  ];
  if (properties.total > 0)
    parts.push({
      signal: 'properties',
      value: properties.score,
      weight: WEIGHTS.properties,
      evidence: () => `${properties.equal} of ${properties.total} properties equal`,
    });
  if (graph.total > 0)
    parts.push({
      signal: 'graph',
      value: graph.score,
      weight: WEIGHTS.graph,
      evidence: () =>
        `${graph.matched.length} of ${graph.total} neighbours paired alike${graph.matched.length ? ` (${graph.matched.join(', ')})` : ''}`,
    });
  const weight = parts.reduce((sum, part) => sum + part.weight, 0);
  const score = parts.reduce((sum, part) => sum + part.value * part.weight, 0) / weight;
  return { reference: referenceId, model: modelId, score, parts };
}

/** The signals that paired a candidate (strongest first) and the evidence of every component that contributed. */
export function describeCandidate(candidate: Candidate): { signals: AlignmentSignal[]; evidence: string[] } {
  const strongest = [...candidate.parts].sort((a, b) => b.value * b.weight - a.value * a.weight);
  const contributing = strongest.filter((part) => part.value > 0);
  const kept = strongest.filter((part) => part.value >= SIGNAL_FLOOR || (part.signal === 'graph' && part.value > 0));
  return {
    // A pair that rests on weak evidence only (a lone resource of its type) still says what it rests on most.
    signals: (kept.length > 0 ? kept : contributing.slice(0, 1)).map((part) => part.signal),
    evidence: contributing.map((part) => part.evidence()),
  };
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
