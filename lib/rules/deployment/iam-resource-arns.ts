import { asList } from '../../templates/query';
import type { CfnTemplate, CfnValue } from '../../templates/types';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { literalText } from '../util/cfn';
import { allPolicyStatements, type AnyStatement } from '../util/resource-policies';

/** What `Ref` gives for types whose Ref is not an ARN (a name, a URL, a key ID). */
const REF_GIVES: Record<string, string> = {
  'AWS::S3::Bucket': 'the bucket name',
  'AWS::DynamoDB::Table': 'the table name',
  'AWS::SQS::Queue': 'the queue URL',
  'AWS::Kinesis::Stream': 'the stream name',
  'AWS::KinesisFirehose::DeliveryStream': 'the delivery stream name',
  'AWS::Lambda::Function': 'the function name',
  'AWS::Logs::LogGroup': 'the log group name',
  'AWS::KMS::Key': 'the key ID',
  'AWS::IAM::Role': 'the role name',
  'AWS::ECR::Repository': 'the repository name',
  'AWS::Events::EventBus': 'the event bus name',
};

/** Attributes that are not ARNs although a policy might take them for one. */
const NON_ARN_ATTRIBUTES = new Set(['QueueName', 'QueueUrl', 'DomainName', 'RegionalDomainName', 'WebsiteURL', 'KeyId']);

/** A policy statement's `Resource` must hold ARNs (or `*`), and S3 object actions need object ARNs, bucket actions bucket ARNs. */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const byPolicy = new Map<string, Evidence[]>();
  for (const s of allPolicyStatements(template)) {
    const found = [...notArns(template, s), ...s3LevelMismatch(template, s)];
    if (found.length) byPolicy.set(s.policyId, [...(byPolicy.get(s.policyId) ?? []), ...found]);
  }
  return [...byPolicy].map(([policyId, evidence]) => ({
    message: `${policyId} has policy statements whose resources match nothing: ${evidence.map((e) => e.note).join('; ')}.`,
    resources: [policyId],
    evidence,
  }));
}

export const rule: Rule = { id: 'iam-resource-arns', check };

/** Resources written as names, URLs or IDs: a Ref to a named resource, a non-ARN attribute, or text that is no ARN. */
function notArns(template: CfnTemplate, s: AnyStatement): Evidence[] {
  const key = s.statement.Resource !== undefined ? 'Resource' : 'NotResource';
  return asList(s.statement[key]).flatMap((value, i) => {
    const problem = nonArnProblem(template, value);
    if (!problem) return [];
    const path = `${s.path}.${key}${Array.isArray(s.statement[key]) ? `.${i}` : ''}`;
    return [{ resource: s.policyId, path, value, note: `${path.slice(path.indexOf('Statement'))} is ${problem}, not an ARN` }];
  });
}

/** Why a `Resource` entry is not an ARN, or undefined when it is one (or cannot be told). */
function nonArnProblem(template: CfnTemplate, value: CfnValue): string | undefined {
  if (typeof value === 'string')
    return value === '*' || value.startsWith('arn:') || value.startsWith('{{resolve:') ? undefined : `"${value}"`;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const ref = value.Ref;
  if (typeof ref === 'string' && REF_GIVES[template.Resources[ref]?.Type]) return `Ref ${ref} (${REF_GIVES[template.Resources[ref].Type]})`;
  const getAtt = value['Fn::GetAtt'];
  const [target, attribute] = Array.isArray(getAtt) ? getAtt : typeof getAtt === 'string' ? getAtt.split('.') : [];
  if (typeof attribute === 'string' && NON_ARN_ATTRIBUTES.has(attribute) && template.Resources[String(target)])
    return `${target}.${attribute}`;
  const leading = leadingReference(value);
  if (leading && REF_GIVES[template.Resources[leading]?.Type])
    return `built from ${leading} (${REF_GIVES[template.Resources[leading].Type]})`;
  return undefined;
}

/** The resource a `Fn::Sub` (`${Bucket}/*`) or `Fn::Join` (`[{Ref: Bucket}, '/*']`) starts with, when it starts with a plain Ref. */
function leadingReference(value: Record<string, CfnValue>): string | undefined {
  const sub = value['Fn::Sub'];
  const text = Array.isArray(sub) ? sub[0] : sub;
  if (typeof text === 'string') return text.match(/^\$\{([\w-]+)\}/)?.[1];
  const join = value['Fn::Join'];
  const first = Array.isArray(join) && Array.isArray(join[1]) ? join[1][0] : undefined;
  const ref = first && typeof first === 'object' && !Array.isArray(first) ? first.Ref : undefined;
  return typeof ref === 'string' ? ref : undefined;
}

/** S3 statements whose actions are all object-level and resources all bucket ARNs, or the other way round. */
function s3LevelMismatch(template: CfnTemplate, s: AnyStatement): Evidence[] {
  const actions = asList(s.statement.Action);
  const levels = new Set(actions.map((a) => (typeof a === 'string' ? s3ActionLevel(a) : undefined)));
  const resources = asList(s.statement.Resource).map((r) => s3ResourceLevel(template, r));
  if (levels.size !== 1 || !resources.length || resources.some((r) => r !== resources[0])) return [];
  const [level] = levels;
  if (!level || !resources[0] || level === resources[0]) return [];
  const note =
    level === 'object'
      ? `object actions ${actions.join(', ')} on bucket ARNs only (objects are \`<bucket ARN>/*\`)`
      : `bucket actions ${actions.join(', ')} on object ARNs only (\`/*\`; the bucket itself is its ARN without a key)`;
  return [{ resource: s.policyId, path: `${s.path}.Resource`, value: s.statement.Resource, note }];
}

/** Whether an S3 action applies to objects or to buckets; undefined for wildcards, other services and actions on neither. */
function s3ActionLevel(action: string): 'object' | 'bucket' | undefined {
  const match = action.match(/^s3:(\w+)$/i);
  if (!match) return undefined;
  if (/Object|MultipartUpload(Part)?s?$/.test(match[1]) && !/Bucket/.test(match[1])) return 'object';
  if (/Bucket/.test(match[1])) return 'bucket';
  return undefined;
}

/** Whether a resource is a bucket ARN (`GetAtt Bucket.Arn`, `arn:aws:s3:::name`) or an object ARN (`.../*`); undefined when unclear. */
function s3ResourceLevel(template: CfnTemplate, value: CfnValue): 'object' | 'bucket' | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const getAtt = value['Fn::GetAtt'];
    const [target, attribute] = Array.isArray(getAtt) ? getAtt : typeof getAtt === 'string' ? getAtt.split('.') : [];
    if (getAtt) return attribute === 'Arn' && template.Resources[String(target)]?.Type === 'AWS::S3::Bucket' ? 'bucket' : undefined;
  }
  const text = literalText(value, '\u0000');
  if (text === undefined) return undefined;
  if (/^arn:[^:]*:s3:::[^/*\u0000]+$/.test(text)) return 'bucket';
  if (/^(arn:[^:]*:s3:::[^/]+|\u0000)\/./.test(text)) return 'object';
  return undefined;
}
