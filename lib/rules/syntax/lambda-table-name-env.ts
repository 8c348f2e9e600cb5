import { asList, getPath, refersTo, resourcesOfType } from '../../templates/query';
import type { CfnTemplate, CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { actionMatches, roleStatements, type AttachedStatement } from '../util/iam';
import { applicationFunctions, executionRoleId } from '../util/lambda';

const TABLE_TYPES = ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'];

/** Flags functions whose role can use a DynamoDB table of the stack while no environment variable names that table. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const tables = resourcesOfType(template)
    .filter(([, r]) => TABLE_TYPES.includes(r.Type))
    .map(([id]) => id);
  const violations: Violation[] = [];
  for (const [fnId, fn] of applicationFunctions(template)) {
    const roleId = executionRoleId(template, fn);
    if (!roleId || tables.length === 0) continue;
    const grants = roleStatements(template, roleId).filter(grantsDynamoDb);
    const variables = getPath(fn, 'Properties.Environment.Variables');
    const missing = tables.filter((t) => grants.some((s) => coversTable(template, s, t)) && !namesTable(template, variables, t));
    if (missing.length === 0) continue;
    const evidence: Evidence[] = [
      variables
        ? {
            resource: fnId,
            path: 'Properties.Environment.Variables',
            value: variables,
            note: `no variable references ${missing.join(', ')}`,
          }
        : { resource: fnId, path: 'Properties.Environment.Variables', note: 'the function has no environment variables' },
      ...missing.flatMap((t) =>
        grants
          .filter((s) => coversTable(template, s, t))
          .map((s) => ({
            resource: s.policyId,
            path: s.path,
            value: s.statement,
            note: `role ${roleId} is granted DynamoDB actions on ${t}`,
          })),
      ),
    ];
    violations.push({
      message: `${fnId} can access the DynamoDB table(s) ${missing.join(', ')} through its role ${roleId}, but no environment variable passes the table name (e.g. DYNAMODB_TABLE_NAME: !Ref ${missing[0]}).`,
      resources: [fnId, ...missing],
      evidence,
    });
  }
  return violations;
}

export const rule: Rule = { id: 'lambda-table-name-env', check };

/** Whether an Allow statement grants some DynamoDB action (`dynamodb:*`, `dynamodb:GetItem`, `*`...). */
function grantsDynamoDb({ statement }: AttachedStatement): boolean {
  return (
    statement.Effect === 'Allow' &&
    asList(statement.Action).some((a) => typeof a === 'string' && (/^dynamodb:/i.test(a) || actionMatches('dynamodb:x', a)))
  );
}

/** Whether a statement's Resource covers `tableId`: references it, is `*`, or is a literal table ARN matching its name. */
function coversTable(template: CfnTemplate, { statement }: AttachedStatement, tableId: string): boolean {
  const name = template.Resources[tableId].Properties?.TableName;
  return asList(statement.Resource).some((r) => {
    if (refersTo(r, tableId)) return true;
    if (typeof r !== 'string') return false;
    const pattern = r === '*' ? '*' : r.match(/:table\/([^/]+)/)?.[1];
    return pattern !== undefined && (pattern === '*' || (typeof name === 'string' && actionMatches(name, pattern)));
  });
}

/** Whether some environment variable references the table (Ref, GetAtt, Sub, Join) or holds its literal name. */
function namesTable(template: CfnTemplate, variables: CfnValue | undefined, tableId: string): boolean {
  const name = template.Resources[tableId].Properties?.TableName;
  return Object.values(variables && typeof variables === 'object' && !Array.isArray(variables) ? variables : {}).some(
    (v) => refersTo(v, tableId) || (typeof name === 'string' && v === name),
  );
}
