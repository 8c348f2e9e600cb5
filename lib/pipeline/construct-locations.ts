/* Findings about resources of synthesized CDK templates, pointed at their constructs and the source lines that created them. */
import type { Evidence, SourceLocation } from '../rules/types';
import type { ConstructRecord, LoadedTemplate, SourceFile } from '../templates/types';
import { constructCallsOf, type ConstructCall } from './construct-calls';
import { locateConstruct } from './construct-source';
import { stacksOf } from './stack-review';
import type { LoadedArtifact, ReviewFinding, Side } from './types';

/** Where a resource was made: its construct path and, when the sources say so unambiguously, the line that created it. */
interface ConstructPlace {
  constructPath: string;
  constructLocation?: SourceLocation;
}

/**
 * The findings with `constructPath` (of their first resource that has one) and `constructLocation` set, and the same on
 * each evidence item that names a resource (read on the evidence's side: difference findings cite the reference). A
 * construct path comes from the synthesis (LoadedTemplate.constructs) or the template's `aws:cdk:path` metadata; the
 * line from the creation stack CDK recorded, else from the side's CDK sources (locateConstruct). Findings and evidence
 * without a construct come back as they were; nothing is mutated.
 */
export function pointAtConstructs(findings: readonly ReviewFinding[], sides: Record<Side, LoadedArtifact>): ReviewFinding[] {
  const places = { reference: placeFinder(sides.reference), model: placeFinder(sides.model) };
  return findings.map((finding) => {
    const place = finding.resources.map((id) => places[finding.side](id, finding.stack)).find((p) => p !== undefined);
    const evidence = finding.evidence?.map((e): Evidence => {
      const found = e.resource !== undefined ? places[e.side ?? finding.side](e.resource, e.stack ?? finding.stack) : undefined;
      return found ? { ...e, ...found } : e;
    });
    const evidenceChanged = evidence?.some((e, i) => e !== finding.evidence![i]);
    if (!place && !evidenceChanged) return finding;
    return { ...finding, ...place, ...(evidenceChanged ? { evidence } : {}) };
  });
}

/**
 * Finds (and remembers) the place of a resource of one side by logical ID and stack name: the line its creation stack
 * names (mapped into the source file or markdown block of that name), else the one locateConstruct finds in the sources.
 */
function placeFinder(artifact: LoadedArtifact): (id: string, stack: string | undefined) => ConstructPlace | undefined {
  const stacks = stacksOf(artifact);
  let calls: ConstructCall[] | undefined;
  const located = new Map<string, SourceLocation | undefined>();
  return (id, stack) => {
    const named = stack !== undefined ? stacks.find((s) => s.name === stack) : undefined;
    const template = named?.template ?? (stacks.length === 1 ? stacks[0].template : undefined);
    const record = template && constructOf(template, id);
    if (!record) return undefined;
    if (record.createdAt) return { constructPath: record.path, constructLocation: inSources(record.createdAt, artifact.sources) };
    if (!located.has(record.path)) {
      calls ??= constructCallsOf(artifact.sources);
      located.set(record.path, locateConstruct(record.path, calls));
    }
    const constructLocation = located.get(record.path);
    return { constructPath: record.path, ...(constructLocation ? { constructLocation } : {}) };
  };
}

/** A resource's construct: from the synthesis, else its `aws:cdk:path` metadata (a template `cdk synth` wrote). */
function constructOf(loaded: LoadedTemplate, id: string): ConstructRecord | undefined {
  const fromSynthesis = loaded.constructs?.[id];
  if (fromSynthesis) return fromSynthesis;
  const metadata = loaded.template.Resources[id]?.Metadata?.['aws:cdk:path'];
  return typeof metadata === 'string' ? { path: metadata.replace(/^\//, '') } : undefined;
}

/** A line of an answer's file as the review shows it: in the source of that name (a markdown block counts from its start), else as it is. */
function inSources(place: { file: string; line: number }, sources: readonly SourceFile[]): SourceLocation {
  const source = sources.find((s) => (s.name ?? s.path) === place.file);
  return source ? { file: source.path, line: source.startLine + place.line - 1 } : { file: place.file, line: place.line };
}
