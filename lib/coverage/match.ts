import type { Finding } from '../rules/finding';
import { modelOwnFindings } from '../pipeline/shared';
import type { ReviewFinding } from '../pipeline/types';
import { dedupe, normalizeId, normalizeName, pathTerms, sameResource, termsOfText, type NamedTerms } from './terms';
import { problemsOfProperties, problemsOfText } from './problems';
import type { CoverageNumbers, CoverageResult, HumanFailure } from './types';

/** The resource type of a logical ID in the reviewed template, when known. */
export type TypeOf = (logicalId: string) => string | undefined;

/** The reference resource a model resource is paired with (lib/align), when known: a human names the ideal's resources. */
export type ReferenceOf = (modelLogicalId: string) => string | undefined;

/** What a finding names, and the problems it is about. */
export interface FindingTerms extends NamedTerms {
  problems: string[];
}

/**
 * What a finding names: its resources, their counterparts in the reference, and the resources of its evidence (with
 * their types); the property paths and values of its evidence and what its title, message and evidence notes name; and
 * the problems all of these mean (by the problem vocabulary, its rule id included).
 */
export function termsOfFinding(
  finding: Finding,
  typeOf: TypeOf = () => undefined,
  referenceOf: ReferenceOf = () => undefined,
): FindingTerms {
  const texts = [finding.title, finding.message, ...(finding.evidence ?? []).map((e) => e.note)].join('\n');
  const fromText = termsOfText(texts);
  const own = [...finding.resources, ...(finding.evidence ?? []).flatMap((e) => (e.resource ? [e.resource] : []))];
  const ids = [...own, ...own.flatMap((id) => referenceOf(id) ?? []), ...fromText.ids];
  const properties = [...fromText.properties];
  for (const e of finding.evidence ?? []) {
    if (e.path) properties.push(...pathTerms(e.path));
    if (typeof e.value === 'string' && e.value.length <= 60 && !/\s/.test(e.value)) properties.push(e.value);
  }
  const types = [...fromText.types, ...ids.flatMap((id) => typeOf(id) ?? [])];
  const terms = dedupe({ ids, types, properties });
  // What a finding is about is said first: its title, the first clause of its message and its first evidence path (later
  // clauses and evidence say where it is referenced from, which is not the problem).
  const gist = `${finding.title}\n${finding.message.split(/;\s|\.\s/)[0]}`.replace(/`[^`\n]*`/g, ' ');
  const firstPath = finding.evidence?.find((e) => e.path)?.path;
  // A rule the vocabulary knows by its id names its problem exactly: where it points (a partition literal inside a
  // managed policy ARN) is not what it is about.
  const ruleProblems = problemsOfProperties(finding.rules ?? [finding.rule]);
  if (ruleProblems.length) return { ...terms, problems: ruleProblems };
  const problems = new Set([
    ...problemsOfText(gist),
    ...problemsOfProperties([...(firstPath ? pathTerms(firstPath) : []), ...termsOfText(gist).types]),
  ]);
  return { ...terms, problems: [...problems] };
}

/** Whether a finding is about a resource the failure names: a named logical ID or construct (or its counterpart), else a named resource type; a failure that names no resource leaves it to the problem. */
function sharesResource(failure: HumanFailure, terms: NamedTerms): boolean {
  const failureIds = failure.resources.filter((r) => !r.startsWith('AWS::'));
  const failureTypes = failure.resources.filter((r) => r.startsWith('AWS::'));
  if (failureIds.length === 0 && failureTypes.length === 0) return true;
  const findingNames = new Set([...terms.properties.map(normalizeName), ...terms.ids.map(normalizeId)]);
  return (
    failureIds.some((named) => terms.ids.some((id) => sameResource(named, id)) || findingNames.has(normalizeId(named))) ||
    failureTypes.some((t) => terms.types.includes(t))
  );
}

/** Whether a finding is about the problem the failure names: a problem of the vocabulary, or a property, action or value both name. */
function sharesProblem(failure: HumanFailure, terms: FindingTerms): boolean {
  // A title that names a problem says what the failure is about; its body then only explains (impact, fix, context).
  const titleProblems = problemsOfText(failure.title.replace(/`[^`\n]*`/g, ' '));
  const problems = titleProblems.length > 0 ? titleProblems : failure.problems;
  if (problems.some((p) => terms.problems.includes(p))) return true;
  const findingNames = new Set(terms.properties.map(normalizeName));
  return failure.properties.some((p) => findingNames.has(normalizeName(p)));
}

/** Whether a finding matches a failure: the same resource (or its counterpart) and the same problem; a shared type alone never does. */
export function matchesFailure(failure: HumanFailure, terms: FindingTerms): boolean {
  return sharesResource(failure, terms) && sharesProblem(failure, terms);
}

/**
 * Matches a human review's failures with a review's model findings (the model's own: shared ones left out), across
 * categories: a failure is found by every finding on the same resource (or its counterpart in the reference) about the
 * same problem. Findings matched to no failure are the ones the human did not list.
 */
export function matchCoverage(
  failures: readonly HumanFailure[],
  findings: readonly ReviewFinding[],
  typeOf?: TypeOf,
  referenceOf?: ReferenceOf,
): CoverageResult {
  const model = modelOwnFindings(findings);
  const terms = new Map(model.map((f) => [f, termsOfFinding(f, typeOf, referenceOf)] as const));
  const listed = new Set<ReviewFinding>();
  const found: CoverageResult['found'] = [];
  const missed: HumanFailure[] = [];
  for (const failure of failures) {
    const matched = model.filter((f) => matchesFailure(failure, terms.get(f)!));
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
  return aggregateCoverageNumbers(results.map(coverageNumbers));
}

/** aggregateCoverage of reviews known by their numbers only (as stored per review). */
export function aggregateCoverageNumbers(numbers: readonly CoverageNumbers[]): CoverageNumbers & { reviews: number } {
  const sum = (key: 'failures' | 'found' | 'missed' | 'unlisted') => numbers.reduce((n, r) => n + r[key], 0);
  const failures = sum('failures');
  return {
    reviews: numbers.length,
    failures,
    found: sum('found'),
    missed: sum('missed'),
    unlisted: sum('unlisted'),
    coverage: failures === 0 ? 1 : sum('found') / failures,
  };
}
