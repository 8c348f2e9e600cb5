import { asList, getPath, resourcesOfType, stringLiterals } from '../../templates/query';
import type { CfnResource, CfnValue } from '../../templates/types';
import type { Rule, RuleInput, Violation } from '../types';

/** Services a stack's KMS key can be meant for, how a key policy says so, and where their resources name a key. */
const SERVICES: readonly { service: string; pattern: RegExp; type: string; keyPath: string; what: string }[] = [
  {
    service: 'CloudWatch Logs',
    pattern: /^logs\.([^.]+\.)?amazonaws\.com/,
    type: 'AWS::Logs::LogGroup',
    keyPath: 'KmsKeyId',
    what: 'Log group',
  },
  {
    service: 'DynamoDB',
    pattern: /^dynamodb\.([^.]+\.)?amazonaws\.com/,
    type: 'AWS::DynamoDB::Table',
    keyPath: 'SSESpecification.KMSMasterKeyId',
    what: 'Table',
  },
];

/** When the stack defines a KMS key whose policy lets a service use it, that service's resources must be encrypted with a key of their own choosing. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const keys = resourcesOfType(template, 'AWS::KMS::Key');
  const violations: Violation[] = [];
  for (const { service, pattern, type, keyPath, what } of SERVICES) {
    const meant = keys.filter(([, key]) => grantedServices(key).some((name) => pattern.test(name))).map(([id]) => id);
    if (meant.length === 0) continue;
    for (const [id, resource] of resourcesOfType(template, type)) {
      if (getPath(resource.Properties ?? {}, keyPath) !== undefined) continue;
      violations.push({
        message: `${what} ${id} is not encrypted with the stack's customer managed key ${meant.join(', ')}, whose policy lets ${service} use it.`,
        resources: [id, ...meant],
        evidence: [
          { resource: id, path: `Properties.${keyPath}`, note: 'not set: the AWS owned or managed key is used' },
          ...meant.map((key) => ({ resource: key, path: 'Properties.KeyPolicy', note: `grants ${service} the use of the key` })),
        ],
      });
    }
  }
  return violations;
}

export const rule: Rule = { id: 'customer-key-not-applied', check };

/** Service names a key policy lets use the key: `Service` principals of Allow statements and `kms:ViaService` condition values (Fn::Sub text as written). */
function grantedServices(key: CfnResource): string[] {
  return asList(getPath(key, 'Properties.KeyPolicy.Statement')).flatMap((statement: CfnValue) => {
    if (getPath(statement, 'Effect') !== 'Allow') return [];
    const principals = stringLiterals(getPath(statement, 'Principal.Service')).map((entry) => entry.value);
    const viaService = stringLiterals(getPath(statement, 'Condition'))
      .filter((entry) => /kms:viaservice/i.test(entry.path))
      .map((entry) => entry.value);
    return [...principals, ...viaService];
  });
}
