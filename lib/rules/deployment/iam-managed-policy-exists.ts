import type { CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { textsIn } from '../util/arns';
import { lookupManagedPolicy } from '../util/managed-policies';
import { sourceLines } from '../util/source';

/** Resource types whose `ManagedPolicyArns` attach policies to a principal of the stack. */
const ATTACHING = new Set(['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']);

/** Every `arn:<partition>:iam::aws:policy/<path/name>` of a resource must name an AWS managed policy that exists and can be attached. */
function check({ template, sources }: RuleInput): Violation[] {
  // Without a template (a CDK answer that did not synthesize) the names are read from the code that attaches them.
  if (!template) return sourceViolations(sources);
  const violations: Violation[] = [];
  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    const attaching = ATTACHING.has(resource?.Type);
    const evidence: Evidence[] = [];
    for (const ref of awsPolicyReferences(resource?.Properties, 'Properties')) {
      const found = lookupManagedPolicy(ref.name);
      const attached = attaching && ref.path.startsWith('Properties.ManagedPolicyArns');
      if (found.exists && !(found.serviceLinked && attached)) continue;
      const note = found.exists
        ? `${ref.name} is a policy for service-linked roles; IAM refuses to attach it to ${resource.Type.replace('AWS::IAM::', 'a ').toLowerCase()}`
        : unknownNote(ref.name, found.suggestion);
      evidence.push({ resource: id, path: ref.path, value: ref.value, note });
    }
    if (!evidence.length) continue;
    violations.push({
      message:
        `${id} names ${evidence.length === 1 ? 'an AWS managed policy that' : `${evidence.length} AWS managed policies that`} cannot be attached: ${evidence.map((e) => e.note).join('; ')}`.replace(
          /[^?]$/,
          '$&.',
        ),
      resources: [id],
      evidence,
    });
  }
  return violations;
}

export const rule: Rule = { id: 'iam-managed-policy-exists', check };

/** `fromAwsManagedPolicyName('X')` (TypeScript), `from_aws_managed_policy_name("X")` (Python) and AWS managed policy ARNs in code. */
const SOURCE_POLICY =
  /(?:fromAwsManagedPolicyName|from_aws_managed_policy_name)\(\s*['"`]([\w+=,.@/-]+)['"`]|arn:aws[\w-]*:iam::aws:policy\/([\w+=,.@/-]+)/g;

/** One violation per source line that names an AWS managed policy that does not exist. */
function sourceViolations(sources: RuleInput['sources']): Violation[] {
  return sourceLines(sources).flatMap((line) => {
    const notes = [...line.text.matchAll(SOURCE_POLICY)]
      .map((m) => m[1] ?? m[2])
      .filter((name) => !name.endsWith('/') && !lookupManagedPolicy(name).exists)
      .map((name) => unknownNote(name, lookupManagedPolicy(name).suggestion));
    if (!notes.length) return [];
    return [
      {
        message:
          `${line.location.file}:${line.location.line} names an AWS managed policy that cannot be attached: ${notes.join('; ')}`.replace(
            /[^?]$/,
            '$&.',
          ),
        location: line.location,
        evidence: notes.map((note) => ({ location: line.location, value: line.text.trim(), note })),
      },
    ];
  });
}

function unknownNote(name: string, suggestion: string | undefined): string {
  return `no AWS managed policy is named ${name}${suggestion ? `; did you mean arn:aws:iam::aws:policy/${suggestion}?` : ''}`;
}

const AWS_POLICY_ARN = /arn:[^:\s"]*:iam::aws:policy\/([\w+=,.@/-]+)/g;

/** AWS managed policy ARNs in a value, read as text (a name built from a parameter or ending in a wildcard is skipped). */
function awsPolicyReferences(value: CfnValue | undefined, path: string): { path: string; value: CfnValue; name: string }[] {
  return textsIn(value, path).flatMap((place) =>
    [...(place.text.includes(':iam::aws:policy/') ? place.text.matchAll(AWS_POLICY_ARN) : [])]
      .filter((m) => !m[1].endsWith('/') && !/^[*\u0001]/.test(place.text.slice(m.index + m[0].length)))
      .map((m) => ({ path: place.path, value: place.value, name: m[1] })),
  );
}
