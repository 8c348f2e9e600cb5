import { referencedOfType } from '../../templates/query';
import type { CfnTemplate } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { allowsAction, managedPolicyArns, roleStatements, type ManagedPolicyArn } from '../util/iam';
import { applicationFunctions, executionRoleId } from '../util/lambda';

const LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];

/** AWS managed policies known to grant `logs:CreateLogStream` and `logs:PutLogEvents`. */
const LOGGING_MANAGED_POLICIES = new Set([
  'AWSLambdaBasicExecutionRole',
  'AWSLambdaVPCAccessExecutionRole',
  'AWSLambdaExecute',
  'AWSLambdaKinesisExecutionRole',
  'AWSLambdaDynamoDBExecutionRole',
  'AWSLambdaSQSQueueExecutionRole',
  'CloudWatchLogsFullAccess',
  'AdministratorAccess',
  'PowerUserAccess',
]);

/** Flags functions whose execution role (a role of the template) cannot create log streams and put log events. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  for (const [fnId, fn] of applicationFunctions(template)) {
    const roleId = executionRoleId(template, fn);
    if (!roleId) continue; // an imported role: its permissions cannot be known
    const arns = managedPolicyArns(template.Resources[roleId]);
    if (arns.some((arn) => grantsLogsOrUnknown(template, arn))) continue;
    const statements = roleStatements(template, roleId);
    const missing = LOG_ACTIONS.filter((action) => !statements.some((s) => allowsAction(s.statement, action)));
    if (missing.length === 0) continue;
    const evidence: Evidence[] = [
      {
        resource: roleId,
        path: 'Properties.ManagedPolicyArns',
        ...(arns.length ? { value: arns.map((a) => a.value) } : {}),
        note: arns.length ? 'no attached AWS managed policy grants CloudWatch Logs writes' : 'no managed policies attached',
      },
      {
        resource: roleId,
        note: `no Allow statement attached to the role grants ${missing.join(' and ')} (${statements.length} statement(s) checked)`,
      },
    ];
    violations.push({
      message: `${fnId}'s execution role ${roleId} is not allowed ${missing.join(' and ')}, so the function cannot write its logs to CloudWatch.`,
      resources: [fnId, roleId],
      evidence,
    });
  }
  return violations;
}

export const rule: Rule = { id: 'lambda-logs-permissions', check };

/**
 * Whether a ManagedPolicyArns entry is a known logging AWS managed policy, or a policy whose content cannot be
 * known (customer ARN, parameter): either way no report. Template ManagedPolicies are read through roleStatements.
 */
function grantsLogsOrUnknown(template: CfnTemplate, arn: ManagedPolicyArn): boolean {
  if (arn.awsManaged) return LOGGING_MANAGED_POLICIES.has(arn.awsManaged);
  return referencedOfType(template, arn.value, 'AWS::IAM::ManagedPolicy').length === 0;
}
