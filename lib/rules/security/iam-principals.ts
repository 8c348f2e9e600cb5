import { asList, getPath, resourcesOfType } from '../../templates/query';
import type { CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { PSEUDO, textsIn } from '../util/arns';
import { resourcePolicyStatements } from '../util/resource-policies';

/** A service principal: `<name>.amazonaws.com` (or `.amazonaws.com.cn`), lower case, region-qualified ones included. */
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;
/** Services whose principal is surely `<name>.amazonaws.com`: written with `.amazon.com` it is a typo. */
const COMMON_SERVICES =
  /^(lambda|ec2|s3|ecs-tasks|states|events|sns|sqs|apigateway|logs|cloudtrail|config|firehose|glue|codebuild|codepipeline|cloudformation|rds|dynamodb|kms|scheduler)\./;

/** Principals that cannot work: malformed service principals, services written as AWS principals, and `*` allowed without conditions. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const byResource = new Map<string, Evidence[]>();
  const add = (evidence: Evidence[]) => {
    for (const e of evidence) byResource.set(e.resource!, [...(byResource.get(e.resource!) ?? []), e]);
  };
  for (const [id, role] of resourcesOfType(template, 'AWS::IAM::Role')) {
    const statements = asList(getPath(role.Properties, 'AssumeRolePolicyDocument.Statement'));
    statements.forEach((statement, i) => {
      const path = `Properties.AssumeRolePolicyDocument.Statement${Array.isArray(getPath(role.Properties, 'AssumeRolePolicyDocument.Statement')) ? `.${i}` : ''}`;
      add([...malformed(id, statement, path), ...open(id, statement, path, 'anyone can assume the role')]);
    });
  }
  for (const s of resourcePolicyStatements(template)) {
    add(malformed(s.policyId, s.statement as CfnValue, s.path));
    if (!publicRead(s.statement as CfnValue)) add(open(s.policyId, s.statement as CfnValue, s.path, 'anyone can use it'));
  }
  for (const [id, permission] of resourcesOfType(template, 'AWS::Lambda::Permission')) {
    const principal = permission.Properties?.Principal;
    const problem = typeof principal === 'string' && /amazon/.test(principal) ? serviceProblem(principal) : undefined;
    if (problem) add([{ resource: id, path: 'Properties.Principal', value: principal, note: problem }]);
  }
  return [...byResource].map(([id, evidence]) => ({
    message: `${id} has principals that cannot work or that open it to everyone: ${evidence.map((e) => e.note).join('; ')}.`,
    resources: [id],
    evidence,
  }));
}

export const rule: Rule = { id: 'iam-principals', check };

/** Service principals that are not `<service>.amazonaws.com`, and services written under the `AWS` key. */
function malformed(id: string, statement: CfnValue, path: string): Evidence[] {
  const principal = getPath(statement, 'Principal');
  const entries: [string, CfnValue][] =
    principal && typeof principal === 'object' && !Array.isArray(principal) ? Object.entries(principal) : [];
  return entries.flatMap(([kind, values]) =>
    asList(values).flatMap((value, i) => {
      const text = textsIn(value, '')[0]?.text;
      if (text === undefined || text.includes(PSEUDO.other)) return [];
      const readable = text.replace(PSEUDO.region, 'us-east-1').replace(PSEUDO.partition, 'aws').replace(PSEUDO.account, '123456789012');
      const problem =
        kind === 'Service'
          ? serviceProblem(readable)
          : kind === 'AWS' && /\.amazonaws\.com(\.cn)?$/.test(readable)
            ? `the service ${readable} is written as an AWS principal (it belongs under Service)`
            : undefined;
      const where = `${path}.Principal.${kind}${Array.isArray(values) ? `.${i}` : ''}`;
      return problem ? [{ resource: id, path: where, value, note: problem }] : [];
    }),
  );
}

/** Why a service principal cannot be one, or undefined when it has the shape of one. */
function serviceProblem(service: string): string | undefined {
  if (SERVICE_PRINCIPAL.test(service)) return undefined;
  if (/\.amazon\.com$/.test(service) && !COMMON_SERVICES.test(service)) return undefined;
  if (/^arn:|^\d{12}$|^\*$/.test(service)) return `"${service}" is not a service principal (an ARN, account or * belongs under AWS)`;
  return `"${service}" is not a service principal (expected <service>.amazonaws.com)`;
}

/** An `Allow` to `*` (or `AWS: *`) without any condition. */
function open(id: string, statement: CfnValue, path: string, consequence: string): Evidence[] {
  if (getPath(statement, 'Effect') !== 'Allow' || getPath(statement, 'Condition') !== undefined) return [];
  const principal = getPath(statement, 'Principal');
  const everyone = principal === '*' || asList(getPath(principal, 'AWS')).includes('*');
  if (!everyone) return [];
  return [
    { resource: id, path: `${path}.Principal`, value: principal ?? null, note: `Allow to principal * without a condition: ${consequence}` },
  ];
}

/** A statement that only lets everyone read a bucket's objects: public content (static assets, a website) on purpose. */
function publicRead(statement: CfnValue): boolean {
  const actions = asList(getPath(statement, 'Action'));
  return actions.length > 0 && actions.every((a) => a === 's3:GetObject' || a === 's3:GetObjectVersion');
}
