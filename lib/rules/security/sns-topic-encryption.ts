import { asList, referencedIds, resourcesOfType } from '../../templates/query';
import type { CfnValue } from '../../templates/types';
import type { Rule, RuleInput, Violation } from '../types';

/** Properties of a CloudWatch alarm that publish to SNS topics. */
const ALARM_ACTIONS = ['AlarmActions', 'OKActions', 'InsufficientDataActions'];

/**
 * An SNS topic must be encrypted (`KmsMasterKeyId`); a topic that CloudWatch alarms publish to must be encrypted with
 * a customer managed key, since alarms cannot use the AWS managed `alias/aws/sns` key and their notifications fail.
 */
function check({ template }: RuleInput): Violation[] {
  if (!template) return [];
  const alarmed = new Set<string>();
  for (const [, alarm] of resourcesOfType(template, 'AWS::CloudWatch::Alarm'))
    for (const property of ALARM_ACTIONS) for (const id of referencedIds(alarm.Properties?.[property])) alarmed.add(id);
  const violations: Violation[] = [];
  for (const [id, topic] of resourcesOfType(template, 'AWS::SNS::Topic')) {
    const key = topic.Properties?.KmsMasterKeyId;
    if (key === undefined || key === null) {
      violations.push({
        message: `SNS topic ${id} is not encrypted at rest: it sets no KmsMasterKeyId.`,
        resources: [id],
        evidence: [{ resource: id, path: 'Properties.KmsMasterKeyId', note: 'not set' }],
      });
    } else if (alarmed.has(id) && isAwsManagedSnsKey(key)) {
      violations.push({
        message: `SNS topic ${id} receives CloudWatch alarm notifications but is encrypted with the AWS managed key alias/aws/sns, which CloudWatch cannot use: the notifications are never delivered.`,
        resources: [id],
        evidence: [
          { resource: id, path: 'Properties.KmsMasterKeyId', value: key, note: 'AWS managed key; alarms need a customer managed key' },
        ],
      });
    }
  }
  return violations;
}

export const rule: Rule = { id: 'sns-topic-encryption', check };

/** Whether a key id is the AWS managed SNS key, by alias name or alias ARN (literal, Fn::Sub text or Fn::Join as CDK writes it). */
function isAwsManagedSnsKey(key: CfnValue | undefined): boolean {
  const text = literalText(key);
  return text !== undefined && /(^|:)alias\/aws\/sns$/.test(text);
}

/** The literal text of a value, intrinsic parts inside Fn::Join as `?`; undefined when it is not text. */
function literalText(value: CfnValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const sub = asList(value['Fn::Sub'])[0];
  if (typeof sub === 'string') return sub;
  const join = value['Fn::Join'];
  if (!Array.isArray(join) || typeof join[0] !== 'string' || !Array.isArray(join[1])) return undefined;
  return join[1].map((part) => (typeof part === 'string' ? part : '?')).join(join[0]);
}
