/*
 * The static part of a human review: the failures a general rule could find in the model's template alone, with no
 * reference and no task description. bench:accuracy compares infra-review and its peers on this part, where they compete
 * on the same ground.
 */
import { matchCoverage, type ReferenceOf, type TypeOf } from '../../lib/coverage/match';
import { problemsOfText } from '../../lib/coverage/problems';
import { sameResource } from '../../lib/coverage/terms';
import type { HumanFailure } from '../../lib/coverage/types';
import { vocabularyTerms } from '../../lib/coverage/vocabulary';
import type { ReviewFinding } from '../../lib/pipeline/types';
import { FINDING_SOURCES } from '../../lib/rules/finding';
import type { CfnTemplate } from '../../lib/templates/types';

/**
 * Problems of the coverage vocabulary (lib/coverage/problems.ts) that template inspection can show on a resource the
 * model's template has: a property, a policy statement, a value, a reference. The rest (alarm, monitoring, audit-trail,
 * waf, caching, output, parameter, naming, tags, imports) are whole resources, template sections, conventions or code
 * that only the task or its reference says are needed.
 */
export const TEMPLATE_PROBLEMS: ReadonlySet<string> = new Set([
  'encryption',
  'in-transit',
  'public-access',
  'dlq',
  'retention',
  'versioning',
  'logging',
  'deletion',
  'backup',
  'availability',
  'network',
  'security-group',
  'secrets',
  'iam',
  'version',
  'timeout',
  'scaling',
  'concurrency',
  'environment',
  'reference',
  'syntax',
  'availability-zone-literal',
  'hard-coded-value',
  'instance-metadata',
  'schedule',
  'signal',
]);

// Failures about the answer's tests, documentation or file layout: no template shows them.
const OFF_TEMPLATE =
  /\b(?:unit|integration|e2e|end-to-end|snapshot)[- ]tests?\b|\btests?\b|\btesting\b|\bjest\b|\bpytest\b|\bdocumentation\b|\breadme\b|\bdocstrings?\b|\bcomments?\b|\bfile (?:structure|layout|names?|organi[sz]ation)\b|\b(?:project|directory|folder) (?:structure|layout)\b/;
// A failure that says the model lacks something: static only when what it lacks belongs to a resource the model has.
const LACKS =
  /^(?:missing|no|lack|lacks|lacking|absent|incomplete)\b|\bmissing\b|\black(?:s|ing)?\b|\bnot (?:implemented|included|created|defined|provided)\b|\bwithout\b|\babsen(?:t|ce)\b/;

/** Why a failure is outside the static part (undefined when it is in it). */
export function outsideStaticPart(
  failure: HumanFailure,
  hasTemplate: boolean,
  modelHas: (resource: string) => boolean,
): string | undefined {
  if (!hasTemplate) return 'the model gave no template';
  const title = failure.title.replace(/`[^`\n]*`/g, ' ').toLowerCase();
  if (OFF_TEMPLATE.test(title)) return 'tests, documentation or layout';
  const titleProblems = problemsOfText(title);
  const problems = titleProblems.length > 0 ? titleProblems : failure.problems;
  if (!problems.some((p) => TEMPLATE_PROBLEMS.has(p)))
    return problems.length > 0 ? 'a whole resource, section or convention' : 'no problem named';
  // What it lacks is what its title names (a resource or resource type), else what its text names.
  const lowerTitle = failure.title.toLowerCase();
  const inTitle = [
    ...failure.resources.filter((r) => !r.startsWith('AWS::') && lowerTitle.includes(r.toLowerCase())),
    ...vocabularyTerms(failure.title).types,
  ];
  const lacking = inTitle.length > 0 ? inTitle : failure.resources;
  if (LACKS.test(title) && lacking.length > 0 && !lacking.some(modelHas)) return 'something the model lacks altogether';
  return undefined;
}

/** Who is compared on the static part: each source inside the review, infra-review whole and without reference-diff, each peer alone and the peers together. */
export interface StaticComparison {
  /** The task's failures in the static part. */
  failures: HumanFailure[];
  /** How many failures were left out, by reason. */
  outside: Record<string, number>;
  /** Ids of static failures found, by contender. */
  found: Record<string, string[]>;
  /** Static failures some peer found and infra-review without reference-diff did not, with the peers' findings. */
  gaps: { failure: HumanFailure; by: string[]; findings: string[] }[];
}

/** Findings of a model, as a contender: its name and the findings it reported. */
export type Contenders = Readonly<Record<string, readonly ReviewFinding[]>>;

/**
 * The static part of one task and who found which of its failures (the coverage matcher, as for all failures): every
 * contender in `review` (per source, whole, without reference-diff) and in `peers` (each alone, and `peers` together).
 */
export function compareStatic(input: {
  failures: readonly HumanFailure[];
  review: readonly ReviewFinding[];
  peers: Contenders;
  templates: readonly CfnTemplate[];
  typeOf: TypeOf;
  referenceOf: ReferenceOf;
}): StaticComparison {
  const modelIds = input.templates.flatMap((t) => Object.keys(t.Resources ?? {}));
  const types = new Set(input.templates.flatMap((t) => Object.values(t.Resources ?? {}).map((r) => r.Type)));
  const paired = modelIds.flatMap((id) => input.referenceOf(id) ?? []);
  const modelHas = (named: string) =>
    named.startsWith('AWS::') ? types.has(named) : [...modelIds, ...paired].some((id) => sameResource(named, id));
  const outside: Record<string, number> = {};
  const failures: HumanFailure[] = [];
  for (const failure of input.failures) {
    const reason = outsideStaticPart(failure, input.templates.length > 0, modelHas);
    if (reason) outside[reason] = (outside[reason] ?? 0) + 1;
    else failures.push(failure);
  }
  const sourcesOf = (f: ReviewFinding) => f.sources ?? [f.source];
  // Without the reference, nothing is known to be shared with it: the static contenders judge the model's template alone,
  // as the peers do (a finding the ideal shares still counts, as a peer's would).
  const alone = input.review.map((f) => (f.shared ? { ...f, shared: undefined } : f));
  const contenders: Record<string, readonly ReviewFinding[]> = {
    'infra-review': input.review,
    'infra-review without reference-diff': alone.filter((f) => sourcesOf(f).some((s) => s !== 'reference-diff')),
    ...Object.fromEntries(
      FINDING_SOURCES.map((s) => [`infra-review: ${s === 'infra-review' ? 'rules' : s}`, alone.filter((f) => sourcesOf(f).includes(s))]),
    ),
    ...input.peers,
    peers: Object.values(input.peers).flat(),
  };
  const results = Object.fromEntries(
    Object.entries(contenders).map(([name, findings]) => [name, matchCoverage(failures, [...findings], input.typeOf, input.referenceOf)]),
  );
  const found = Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r.found.map((m) => m.failure.id)]));
  const ours = new Set(found['infra-review without reference-diff']);
  const gaps = results.peers.found
    .filter((m) => !ours.has(m.failure.id))
    .map((m) => ({
      failure: m.failure,
      by: Object.keys(input.peers).filter((peer) => found[peer].includes(m.failure.id)),
      findings: m.findings.map((f) => `${f.rule} on ${f.resources.join(', ')}: ${f.message}`),
    }));
  return { failures, outside, found, gaps };
}
