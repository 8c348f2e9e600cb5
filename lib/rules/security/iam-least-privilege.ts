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
    const findings = [unscopedActions(s), unscopedResources(s)].filter((f): f is Finding => f !== undefined);
    if (!findings.length) continue;
    const attached = s.roles.filter((id) => id !== s.policyId);
    violations.push({
      message: `${s.policyId}${attached.length ? ` (attached to ${attached.join(', ')})` : ''} allows ${findings.map((f) => f.problem).join('; and ')}.`,
      resources: [s.policyId, ...attached],
      evidence: findings.map((f) => f.evidence),
    });
  }
  return [...violations, ...broadManagedPolicies(template)];
}

export const rule: Rule = { id: 'iam-least-privilege', check };

/** One thing a statement grants too broadly, with the property that shows it. */
interface Finding {
  problem: string;
  evidence: Evidence;
}

/** The statement's literal actions. */
function actionsOf(s: AttachedStatement): string[] {
  return asList(s.statement.Action).filter((a): a is string => typeof a === 'string');
}

/** `*` or service-wide (`dynamodb:*`) actions, or a NotAction list (everything but it). */
function unscopedActions(s: AttachedStatement): Finding | undefined {
  const key = s.statement.NotAction !== undefined ? 'NotAction' : 'Action';
  const wildcards = actionsOf(s).filter((a) => a === '*' || /^[\w-]+:\*$/.test(a));
  const problems = [
    ...(wildcards.length ? [`wildcard actions ${wildcards.join(', ')}`] : []),
    ...(key === 'NotAction' ? ['every action except its NotAction list'] : []),
  ];
  if (!problems.length) return undefined;
  return {
    problem: problems.join('; and '),
    evidence: { resource: s.policyId, path: `${s.path}.${key}`, value: s.statement[key], note: 'actions are not scoped' },
  };
}

/** Data-service actions applied to `Resource: "*"` (alone or in a list) or to a NotResource list. */
function unscopedResources(s: AttachedStatement): Finding | undefined {
  const key = s.statement.NotResource !== undefined ? 'NotResource' : 'Resource';
  if (key === 'Resource' && !asList(s.statement.Resource).includes('*')) return undefined;
  const data = actionsOf(s).filter((a) => a === '*' || DATA_SERVICES.has(a.split(':')[0].toLowerCase()));
  if (!data.length) return undefined;
  return {
    problem: `data-service actions ${data.join(', ')} on ${key === 'Resource' ? 'Resource "*"' : 'everything but its NotResource list'}`,
    evidence: {
      resource: s.policyId,
      path: `${s.path}.${key}`,
      value: s.statement[key],
      note: "resources are not scoped to the stack's tables, buckets, queues or keys",
    },
  };
}

/** Inline `Policies` of users and groups, shaped like policyStatements (the principal stands in for the roles). */
function userAndGroupStatements(template: CfnTemplate): AttachedStatement[] {
  return [...resourcesOfType(template, 'AWS::IAM::User'), ...resourcesOfType(template, 'AWS::IAM::Group')].flatMap(([id, principal]) =>
    asList(principal.Properties?.Policies).flatMap((policy, i) => {
      const statements = getPath(policy, 'PolicyDocument.Statement');
      return asList(statements).flatMap((statement, j) =>
        statement && typeof statement === 'object' && !Array.isArray(statement)
          ? [
              {
                policyId: id,
                statement,
                roles: [id],
                path: `Properties.Policies.${i}.PolicyDocument.Statement${Array.isArray(statements) ? `.${j}` : ''}`,
              },
            ]
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
    return [
      {
        message: `Role ${roleId} attaches the AWS managed polic${broad.length > 1 ? 'ies' : 'y'} ${broad.map((a) => a.awsManaged).join(', ')}, which grant${broad.length > 1 ? '' : 's'} every action of the service on every resource.`,
        resources: [roleId],
        evidence: broad.map((a) => ({ resource: roleId, path: a.path, value: a.value, note: `AWS managed policy ${a.awsManaged}` })),
      },
    ];
  });
}
