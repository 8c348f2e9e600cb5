import type { CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { textsIn } from '../util/arns';
import { lookupManagedPolicy } from '../util/managed-policies';

/** Resource types whose `ManagedPolicyArns` attach policies to a principal of the stack. */
const ATTACHING = new Set(['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']);

/** Every `arn:<partition>:iam::aws:policy/<path/name>` of a resource must name an AWS managed policy that exists and can be attached. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
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
        : `no AWS managed policy is named ${ref.name}${found.suggestion ? `; did you mean arn:aws:iam::aws:policy/${found.suggestion}?` : ''}`;
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

const AWS_POLICY_ARN = /arn:[^:\s"]*:iam::aws:policy\/([\w+=,.@/-]+)/g;

/** AWS managed policy ARNs in a value, read as text (a name built from a parameter or ending in a wildcard is skipped). */
function awsPolicyReferences(value: CfnValue | undefined, path: string): { path: string; value: CfnValue; name: string }[] {
  return textsIn(value, path).flatMap((place) =>
    [...(place.text.includes(':iam::aws:policy/') ? place.text.matchAll(AWS_POLICY_ARN) : [])]
      .filter((m) => !m[1].endsWith('/') && !/^[*\u0001]/.test(place.text.slice(m.index + m[0].length)))
      .map((m) => ({ path: place.path, value: place.value, name: m[1] })),
  );
}
