import type { Finding } from '../rules/finding';
import { modelOwnFindings } from '../pipeline/shared';
import type { ReviewFinding } from '../pipeline/types';
import { dedupe, normalizeId, normalizeName, pathTerms, sameResource, termsOfText, type NamedTerms } from './terms';
import type { CoverageNumbers, CoverageResult, HumanFailure } from './types';

/** The resource type of a logical ID in the reviewed template, when known. */
export type TypeOf = (logicalId: string) => string | undefined;

/**
 * What a finding names: its resources and the resources of its evidence (with their types), the property paths and
 * values of its evidence, and what its message and evidence notes name.
 */
export function termsOfFinding(finding: Finding, typeOf: TypeOf = () => undefined): NamedTerms {
  const texts = [finding.message, ...(finding.evidence ?? []).map((e) => e.note)].join('\n');
  const fromText = termsOfText(texts);
  const ids = [...finding.resources, ...(finding.evidence ?? []).flatMap((e) => (e.resource ? [e.resource] : [])), ...fromText.ids];
  const properties = [...fromText.properties];
  for (const e of finding.evidence ?? []) {
    if (e.path) properties.push(...pathTerms(e.path));
    if (typeof e.value === 'string' && e.value.length <= 60 && !/\s/.test(e.value)) properties.push(e.value);
  }
  const types = [...fromText.types, ...ids.flatMap((id) => typeOf(id) ?? [])];
  return dedupe({ ids, types, properties });
}

/** How strongly a finding matches a failure: 2 when they share a named resource or property, 1 a resource type only, 0 nothing. */
export function matchStrength(failure: HumanFailure, terms: NamedTerms): 0 | 1 | 2 {
  const failureIds = failure.resources.filter((r) => !r.startsWith('AWS::'));
  const failureTypes = failure.resources.filter((r) => r.startsWith('AWS::'));
  const findingNames = new Set([...terms.properties.map(normalizeName), ...terms.ids.map(normalizeId)]);
  const sharesResource = failureIds.some(
    (named) => terms.ids.some((id) => sameResource(named, id)) || findingNames.has(normalizeId(named)),
  );
  const sharesProperty = failure.properties.some((p) => findingNames.has(normalizeName(p)));
  if (sharesResource || sharesProperty) return 2;
  return failureTypes.some((t) => terms.types.includes(t)) ? 1 : 0;
}

/**
 * Matches a human review's failures with a review's model-side findings. A failure is found by the findings of its
 * category that share a named resource or property with it; when none does, by those that share a resource type.
 * Findings matched to no failure are the ones the human did not list.
 */
export function matchCoverage(failures: readonly HumanFailure[], findings: readonly ReviewFinding[], typeOf?: TypeOf): CoverageResult {
  const model = modelOwnFindings(findings);
  const terms = new Map(model.map((f) => [f, termsOfFinding(f, typeOf)] as const));
  const listed = new Set<ReviewFinding>();
  const found: CoverageResult['found'] = [];
  const missed: HumanFailure[] = [];
  for (const failure of failures) {
    const candidates = model.filter((f) => f.category === failure.category);
    const strengths = candidates.map((f) => matchStrength(failure, terms.get(f)!));
    const best = Math.max(0, ...strengths);
    const matched = candidates.filter((_, i) => best > 0 && strengths[i] === best);
    if (matched.length === 0) missed.push(failure);
    else found.push({ failure, findings: matched });
    for (const f of matched) listed.add(f);
  }
  return {
    found,
    missed,
    unlisted: model.filter((f) => !listed.has(f)),
    coverage: failures.length === 0 ? 1 : found.length / failures.length,
  };
}

/** The numbers of one review's coverage. */
export function coverageNumbers(result: CoverageResult): CoverageNumbers {
  const failures = result.found.length + result.missed.length;
  return {
    failures,
    found: result.found.length,
    missed: result.missed.length,
    unlisted: result.unlisted.length,
    coverage: result.coverage,
  };
}

/** Coverage over several reviews: failures found over all failures listed (each failure weighs the same), and the sums. */
export function aggregateCoverage(results: readonly CoverageResult[]): CoverageNumbers & { reviews: number } {
  const numbers = results.map(coverageNumbers);
  const sum = (key: 'failures' | 'found' | 'missed' | 'unlisted') => numbers.reduce((n, r) => n + r[key], 0);
  const failures = sum('failures');
  return {
    reviews: results.length,
    failures,
    found: sum('found'),
    missed: sum('missed'),
    unlisted: sum('unlisted'),
    coverage: failures === 0 ? 1 : sum('found') / failures,
  };
}
