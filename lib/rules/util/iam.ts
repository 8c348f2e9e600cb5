/* IAM policy analysis shared by rules: policy statements with what they are attached to, and IAM wildcard matching. */
import { asList, getPath, referencedIds, resourcesOfType } from '../../templates/query';
import type { CfnResource, CfnTemplate, CfnValue } from '../../templates/types';
import { literalText } from './cfn';

/** One IAM policy statement (`Effect`, `Action`, `Resource`, ...). */
export type Statement = Readonly<Record<string, CfnValue>>;

/** A statement of the template with the policy that holds it and the roles it applies to. */
export interface AttachedStatement {
  /** Logical ID of the policy resource (`AWS::IAM::Policy`/`ManagedPolicy`), or of the role for inline `Policies`. */
  policyId: string;
  statement: Statement;
  /** Logical IDs of the `AWS::IAM::Role`s the statement applies to. */
  roles: string[];
  /** Dotted path of the statement inside `policyId` (for evidence), e.g. `Properties.PolicyDocument.Statement.0`. */
  path: string;
}

/** Every policy statement of the template: role inline `Policies`, `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy`. */
export function policyStatements(template: CfnTemplate): AttachedStatement[] {
  const out: AttachedStatement[] = [];
  for (const [roleId, role] of resourcesOfType(template, 'AWS::IAM::Role')) {
    asList(role.Properties?.Policies).forEach((policy, i) =>
      out.push(...documentStatements(roleId, [roleId], getPath(policy, 'PolicyDocument'), `Properties.Policies.${i}.PolicyDocument`)),
    );
  }
  for (const [policyId, policy] of resourcesOfType(template)) {
    if (policy.Type !== 'AWS::IAM::Policy' && policy.Type !== 'AWS::IAM::ManagedPolicy') continue;
    const roles = new Set(rolesNamedBy(template, policy.Properties?.Roles));
    if (policy.Type === 'AWS::IAM::ManagedPolicy') for (const id of rolesAttaching(template, policyId)) roles.add(id);
    out.push(...documentStatements(policyId, [...roles], policy.Properties?.PolicyDocument, 'Properties.PolicyDocument'));
  }
  return out;
}

/** The statements of the template that apply to the role `roleId`. */
export function roleStatements(template: CfnTemplate, roleId: string): AttachedStatement[] {
  return policyStatements(template).filter((s) => s.roles.includes(roleId));
}

/** Whether an IAM action matches a policy pattern with `*` and `?` wildcards, case-insensitively (`logs:PutLogEvents` ~ `logs:Put*`). */
export function actionMatches(action: string, pattern: string): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i').test(action);
}

/** Whether a statement allows `action`: `Effect: Allow` and an `Action` pattern matching it (or a `NotAction` list that does not). */
export function allowsAction(statement: Statement, action: string): boolean {
  if (statement.Effect !== 'Allow') return false;
  if (statement.NotAction !== undefined) return !literalActions(statement.NotAction).some((p) => actionMatches(action, p));
  return literalActions(statement.Action).some((p) => actionMatches(action, p));
}

/** A role's `ManagedPolicyArns` entry: its path and value, and the name when it is an AWS managed policy (`arn:...:iam::aws:policy/...`). */
export interface ManagedPolicyArn {
  path: string;
  value: CfnValue;
  awsManaged?: string;
}

/** The `ManagedPolicyArns` of a role, reading the `Fn::Join`/`Fn::Sub` forms CDK emits (`arn:`, `{Ref: AWS::Partition}`, `:iam::aws:policy/...`). */
export function managedPolicyArns(role: CfnResource): ManagedPolicyArn[] {
  return asList(role.Properties?.ManagedPolicyArns).map((value, i) => {
    const name = literalText(value)?.match(/:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/)?.[1];
    return { path: `Properties.ManagedPolicyArns.${i}`, value, ...(name ? { awsManaged: name } : {}) };
  });
}

/** The statements of a policy document, attached to `roles`. */
function documentStatements(policyId: string, roles: string[], document: CfnValue | undefined, path: string): AttachedStatement[] {
  const statements = getPath(document, 'Statement');
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  const suffix = Array.isArray(statements) ? (i: number) => `.${i}` : () => '';
  return list.flatMap((statement, i) =>
    statement && typeof statement === 'object' && !Array.isArray(statement)
      ? [{ policyId, statement, roles, path: `${path}.Statement${suffix(i)}` }]
      : [],
  );
}

/** Roles a `Roles` list names: by Ref, or by a literal equal to the role's `RoleName`. */
function rolesNamedBy(template: CfnTemplate, value: CfnValue | undefined): string[] {
  const refs = referencedIds(value);
  const names = asList(value).filter((v): v is string => typeof v === 'string');
  return resourcesOfType(template, 'AWS::IAM::Role')
    .filter(([id, role]) => refs.has(id) || (typeof role.Properties?.RoleName === 'string' && names.includes(role.Properties.RoleName)))
    .map(([id]) => id);
}

/** Roles whose `ManagedPolicyArns` reference the managed policy `policyId`. */
function rolesAttaching(template: CfnTemplate, policyId: string): string[] {
  return resourcesOfType(template, 'AWS::IAM::Role')
    .filter(([, role]) => referencedIds(role.Properties?.ManagedPolicyArns).has(policyId))
    .map(([id]) => id);
}

/** The literal action patterns of an `Action`/`NotAction` value (intrinsics skipped). */
function literalActions(value: CfnValue | undefined): string[] {
  return asList(value).filter((a): a is string => typeof a === 'string');
}
