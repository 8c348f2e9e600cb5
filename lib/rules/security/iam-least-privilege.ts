import { asList, getPath, resourcesOfType } from '../../templates/query';
import type { CfnTemplate } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { managedPolicyArns, policyStatements, type AttachedStatement } from '../util/iam';

/** Services holding the stack's data: their actions must be scoped to specific resources. */
const DATA_SERVICES = new Set(['dynamodb', 's3', 'sqs', 'sns', 'kms', 'secretsmanager']);

/** AWS managed policies that grant a whole data service (or everything). */
const BROAD_MANAGED = /^(AdministratorAccess|PowerUserAccess|Amazon(DynamoDB|S3|SQS|SNS)FullAccess|SecretsManagerReadWrite)$/;

/** Identity policies must not allow wildcard actions, NotAction, or data-service actions on every resource. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const s of [...policyStatements(template), ...userAndGroupStatements(template)]) {
    if (s.statement.Effect !== 'Allow') continue;
    const actions = asList(s.statement.Action).filter((a): a is string => typeof a === 'string');
    const wildcards = actions.filter((a) => a === '*' || /^[\w-]+:\*$/.test(a));
    const onEveryResource = asList(s.statement.Resource).includes('*') || s.statement.NotResource !== undefined;
    const dataActions = onEveryResource ? actions.filter((a) => a === '*' || DATA_SERVICES.has(a.split(':')[0].toLowerCase())) : [];
    const problems: string[] = [];
    const evidence: Evidence[] = [];
    if (wildcards.length) problems.push(`wildcard actions ${wildcards.join(', ')}`);
    if (s.statement.NotAction !== undefined) problems.push('every action except its NotAction list');
    if (wildcards.length || s.statement.NotAction !== undefined) {
      const key = s.statement.NotAction !== undefined ? 'NotAction' : 'Action';
      evidence.push({ resource: s.policyId, path: `${s.path}.${key}`, value: s.statement[key], note: 'actions are not scoped' });
    }
    if (dataActions.length) {
      const key = s.statement.NotResource !== undefined ? 'NotResource' : 'Resource';
      problems.push(`data-service actions ${dataActions.join(', ')} on ${key === 'Resource' ? 'Resource "*"' : 'everything but its NotResource list'}`);
      evidence.push({ resource: s.policyId, path: `${s.path}.${key}`, value: s.statement[key], note: 'resources are not scoped to the stack\'s tables, buckets, queues or keys' });
    }
    if (!problems.length) continue;
    const attached = s.roles.filter((id) => id !== s.policyId);
    violations.push({
      message: `${s.policyId}${attached.length ? ` (attached to ${attached.join(', ')})` : ''} allows ${problems.join('; and ')}.`,
      resources: [s.policyId, ...attached],
      evidence,
    });
  }
  return [...violations, ...broadManagedPolicies(template)];
}

export const rule: Rule = { id: 'iam-least-privilege', check };

/** Inline `Policies` of users and groups, shaped like policyStatements (the principal stands in for the roles). */
function userAndGroupStatements(template: CfnTemplate): AttachedStatement[] {
  return [...resourcesOfType(template, 'AWS::IAM::User'), ...resourcesOfType(template, 'AWS::IAM::Group')].flatMap(([id, principal]) =>
    asList(principal.Properties?.Policies).flatMap((policy, i) => {
      const statements = getPath(policy, 'PolicyDocument.Statement');
      return asList(statements).flatMap((statement, j) =>
        statement && typeof statement === 'object' && !Array.isArray(statement)
          ? [{ policyId: id, statement, roles: [id], path: `Properties.Policies.${i}.PolicyDocument.Statement${Array.isArray(statements) ? `.${j}` : ''}` }]
          : [],
      );
    }),
  );
}

/** Roles that attach an AWS managed policy granting a whole data service, one violation per role. */
function broadManagedPolicies(template: CfnTemplate): Violation[] {
  return resourcesOfType(template, 'AWS::IAM::Role').flatMap(([roleId, role]) => {
    const broad = managedPolicyArns(role).filter((arn) => arn.awsManaged && BROAD_MANAGED.test(arn.awsManaged));
    if (!broad.length) return [];
    return [{
      message: `Role ${roleId} attaches the AWS managed polic${broad.length > 1 ? 'ies' : 'y'} ${broad.map((a) => a.awsManaged).join(', ')}, which grant${broad.length > 1 ? '' : 's'} every action of the service on every resource.`,
      resources: [roleId],
      evidence: broad.map((a) => ({ resource: roleId, path: a.path, value: a.value, note: `AWS managed policy ${a.awsManaged}` })),
    }];
  });
}
