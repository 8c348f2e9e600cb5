import { asList, referencedIds, resourcesOfType } from '../../templates/query';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { arnsIn, readableText, textsIn } from '../util/arns';
import { policyStatements, type AttachedStatement } from '../util/iam';

/** Per service: the resource types of the stack an ARN of that service would name, and where the name starts in its resource part. */
const SERVICES: Record<string, { types: string[]; prefix: RegExp }> = {
  s3: { types: ['AWS::S3::Bucket'], prefix: /^/ },
  dynamodb: { types: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'], prefix: /^table\// },
  sqs: { types: ['AWS::SQS::Queue'], prefix: /^/ },
  sns: { types: ['AWS::SNS::Topic'], prefix: /^/ },
  kinesis: { types: ['AWS::Kinesis::Stream'], prefix: /^stream\// },
  secretsmanager: { types: ['AWS::SecretsManager::Secret'], prefix: /^secret:/ },
  kms: { types: ['AWS::KMS::Key'], prefix: /^key\// },
  lambda: { types: ['AWS::Lambda::Function'], prefix: /^function:/ },
  states: { types: ['AWS::StepFunctions::StateMachine'], prefix: /^stateMachine:/ },
  logs: { types: ['AWS::Logs::LogGroup', 'AWS::Lambda::Function'], prefix: /^log-group:/ },
};

/** Actions that only work on `*`-like resources (listing, describing, creating log groups), which a wildcard ARN rightly serves. */
const ACCOUNT_LEVEL = /^[\w-]+:(List|Describe|CreateLogGroup$|GetRandomPassword$)/i;

/** Identity policies that give a service's actions a wildcard ARN (`arn:aws:dynamodb:*:*:table/*`, `arn:aws:logs:*:*:*`) while the stack defines the resources meant. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const violations: Violation[] = [];
  const defined = new Map(
    Object.entries(SERVICES).map(([service, { types }]) => [
      service,
      types.flatMap((type) => resourcesOfType(template, type).map(([id]) => id)),
    ]),
  );
  const boundaries = new Set(
    Object.values(template.Resources ?? {}).flatMap((r) => [...referencedIds(r?.Properties?.PermissionsBoundary)]),
  );
  for (const s of policyStatements(template)) {
    // A permissions boundary caps what roles may do; it grants nothing, so broad ARNs there are its purpose.
    if (s.statement.Effect !== 'Allow' || boundaries.has(s.policyId)) continue;
    const evidence = wildcardArns(defined, s);
    if (!evidence.length) continue;
    const attached = s.roles.filter((id) => id !== s.policyId);
    violations.push({
      message: `${s.policyId}${attached.length ? ` (attached to ${attached.join(', ')})` : ''} grants ${evidence.map((e) => e.note).join('; ')}.`,
      resources: [s.policyId, ...attached],
      evidence,
    });
  }
  return violations;
}

export const rule: Rule = { id: 'iam-wildcard-arns', check };

/** The statement's resources that are wildcard ARNs of a service whose actions it grants and whose resources the stack defines. */
function wildcardArns(defined: Map<string, string[]>, s: AttachedStatement): Evidence[] {
  const actions = asList(s.statement.Action).filter((a): a is string => typeof a === 'string');
  const resources = asList(s.statement.Resource);
  return resources.flatMap((value, i) =>
    textsIn(value, `${s.path}.Resource${Array.isArray(s.statement.Resource) ? `.${i}` : ''}`).flatMap((place) =>
      arnsIn(place.text).flatMap((arn) => {
        const service = SERVICES[arn.service];
        const name = arn.resource.replace(service?.prefix ?? /^/, '');
        if (!service || !/^\*($|[/:])/.test(name)) return [];
        const granted = actions.filter((a) => a.split(':')[0].toLowerCase() === arn.service && !ACCOUNT_LEVEL.test(a));
        const ids = defined.get(arn.service) ?? [];
        if (!granted.length || !ids.length) return [];
        return [
          {
            resource: s.policyId,
            path: place.path,
            value: place.value,
            note: `${granted.join(', ')} on every ${arn.service} resource (${readableText(arn.arn)}) although the stack defines ${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', ...' : ''}`,
          },
        ];
      }),
    ),
  );
}
