import type { CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { literalText } from '../util/cfn';
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

/** An AWS managed policy ARN found in a value: where, the value written there, and its `path/name`. */
interface PolicyReference {
  path: string;
  value: CfnValue;
  name: string;
}

const AWS_POLICY_ARN = /arn:[^:\s"]*:iam::aws:policy\/([\w+=,.@/-]+)/g;

/** AWS managed policy ARNs in a value: literal strings, and `Fn::Join`/`Fn::Sub` read as text (a name built from a parameter is skipped). */
function awsPolicyReferences(value: CfnValue | undefined, path: string): PolicyReference[] {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return [];
  const text =
    typeof value === 'string' || 'Fn::Join' in (value as object) || 'Fn::Sub' in (value as object) ? literalText(value) : undefined;
  if (text !== undefined) {
    return [...text.matchAll(AWS_POLICY_ARN)]
      .filter((m) => !m[1].endsWith('/') && text[m.index + m[0].length] !== '*')
      .map((m) => ({ path, value, name: m[1] }));
  }
  return Object.entries(value).flatMap(([key, child]) => awsPolicyReferences(child as CfnValue, `${path}.${key}`));
}
