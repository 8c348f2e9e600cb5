/* The reference graph of a template (what each resource references and what references it), and how far two resources' neighbours agree. */
import type { CfnTemplate, CfnValue } from '../templates/types';
import { referencedNames } from './references';

/** Each resource's neighbours: resources it references (Ref, GetAtt, Sub, DependsOn) and resources that reference it. */
export interface ResourceGraph {
  out: Map<string, Set<string>>;
  in: Map<string, Set<string>>;
}

/** The reference graph among the template's resources; references to parameters and pseudo parameters are left out. */
export function resourceGraph(template: CfnTemplate): ResourceGraph {
  const graph: ResourceGraph = { out: new Map(), in: new Map() };
  const resources = template.Resources;
  for (const id of Object.keys(resources)) {
    graph.out.set(id, new Set());
    graph.in.set(id, new Set());
  }
  for (const [id, resource] of Object.entries(resources)) {
    const names = referencedNames((resource.Properties ?? {}) as CfnValue);
    const dependsOn = resource.DependsOn;
    for (const name of typeof dependsOn === 'string' ? [dependsOn] : (dependsOn ?? [])) names.add(name);
    for (const name of names) {
      if (name === id || !graph.in.has(name)) continue;
      graph.out.get(id)!.add(name);
      graph.in.get(name)!.add(id);
    }
  }
  return graph;
}

/** How many of two resources' neighbours are already paired with each other (same direction), out of the larger neighbourhood. */
export function graphAgreement(
  reference: { graph: ResourceGraph; id: string },
  model: { graph: ResourceGraph; id: string },
  modelOf: ReadonlyMap<string, string>,
): { score: number; matched: string[]; total: number } {
  const matched: string[] = [];
  for (const direction of ['out', 'in'] as const) {
    const modelNeighbours = model.graph[direction].get(model.id)!;
    for (const neighbour of reference.graph[direction].get(reference.id)!) {
      const counterpart = modelOf.get(neighbour);
      if (counterpart !== undefined && modelNeighbours.has(counterpart)) matched.push(neighbour);
    }
  }
  const size = (side: { graph: ResourceGraph; id: string }) => side.graph.out.get(side.id)!.size + side.graph.in.get(side.id)!.size;
  const total = Math.max(size(reference), size(model));
  return { score: total === 0 ? 0 : matched.length / total, matched, total };
}
