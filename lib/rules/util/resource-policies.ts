/* Statements of resource policies (buckets, queues, topics, keys) and of every identity policy, for rules that read them all. */
import { asList, getPath, referencedIds, resourcesOfType } from '../../templates/query';
import type { CfnTemplate, CfnValue } from '../../templates/types';
import { policyStatements, type Statement } from './iam';

/** A resource policy statement with the policy resource that holds it and the resources it governs. */
export interface ResourcePolicyStatement {
  policyId: string;
  /** The policy's type, e.g. `AWS::S3::BucketPolicy`. */
  type: string;
  statement: Statement;
  /** Dotted path of the statement inside `policyId`. */
  path: string;
  /** Logical IDs of the buckets, queues, topics or keys the policy is attached to. */
  targets: string[];
}

/** Where each resource policy type keeps its document and names what it governs. */
const RESOURCE_POLICIES: Record<string, { document: string; targets: string }> = {
  'AWS::S3::BucketPolicy': { document: 'PolicyDocument', targets: 'Bucket' },
  'AWS::SQS::QueuePolicy': { document: 'PolicyDocument', targets: 'Queues' },
  'AWS::SNS::TopicPolicy': { document: 'PolicyDocument', targets: 'Topics' },
  'AWS::KMS::Key': { document: 'KeyPolicy', targets: '' },
};

/** Every statement of a bucket, queue, topic or key policy of the template. */
export function resourcePolicyStatements(template: CfnTemplate): ResourcePolicyStatement[] {
  return resourcesOfType(template).flatMap(([policyId, policy]) => {
    const where = RESOURCE_POLICIES[policy?.Type];
    if (!where) return [];
    const targets = where.targets ? [...referencedIds(policy.Properties?.[where.targets])] : [policyId];
    return statementsOf(getPath(policy.Properties, where.document), `Properties.${where.document}`).map(({ statement, path }) => ({
      policyId,
      type: policy.Type,
      statement,
      path,
      targets,
    }));
  });
}

/** A statement of any policy (identity or resource) with its policy resource and path. */
export interface AnyStatement {
  policyId: string;
  statement: Statement;
  path: string;
}

/** Every policy statement of the template: identity policies of roles, users and groups, then resource policies. */
export function allPolicyStatements(template: CfnTemplate): AnyStatement[] {
  const principals = [...resourcesOfType(template, 'AWS::IAM::User'), ...resourcesOfType(template, 'AWS::IAM::Group')];
  const inline = principals.flatMap(([id, principal]) =>
    asList(principal.Properties?.Policies).flatMap((policy, i) =>
      statementsOf(getPath(policy, 'PolicyDocument'), `Properties.Policies.${i}.PolicyDocument`).map((s) => ({ policyId: id, ...s })),
    ),
  );
  return [...policyStatements(template), ...inline, ...resourcePolicyStatements(template)];
}

/** The statements of a policy document with their paths (a single statement object or a list). */
function statementsOf(document: CfnValue | undefined, path: string): { statement: Statement; path: string }[] {
  const statements = getPath(document, 'Statement');
  const list = asList(statements);
  return list.flatMap((statement, i) =>
    statement && typeof statement === 'object' && !Array.isArray(statement)
      ? [{ statement, path: `${path}.Statement${Array.isArray(statements) ? `.${i}` : ''}` }]
      : [],
  );
}
