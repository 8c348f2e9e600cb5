import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../templates/load';
import type { CfnTemplate } from '../templates/types';
import { referrersOf, sitesReferencing } from './references';

const template: CfnTemplate = deepFreeze({
  Resources: {
    Queue: { Type: 'AWS::SQS::Queue', Properties: { RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['Dlq', 'Arn'] } } } },
    Dlq: { Type: 'AWS::SQS::Queue' },
    Fn: {
      Type: 'AWS::Lambda::Function',
      Properties: { Environment: { Variables: { QUEUE: { Ref: 'Queue' }, SELF: { Ref: 'Fn' }, DLQ: { Ref: 'Dlq' } } } },
    },
  },
});

describe('referrersOf', () => {
  it('gives, per logical ID, the other resources that reference it, in template order (self-references left out)', () => {
    const referrers = referrersOf(template);
    expect([...referrers.get('Dlq')!]).toEqual(['Queue', 'Fn']);
    expect([...referrers.get('Queue')!]).toEqual(['Fn']);
    expect(referrers.has('Fn')).toBe(false);
    expect(referrersOf(template)).toBe(referrers);
  });
});

describe('sitesReferencing', () => {
  it('lists the settings that point at a resource, found through the referrer index', () => {
    expect(sitesReferencing(template, 'Dlq')).toEqual([
      { resource: 'Queue', path: 'Properties.RedrivePolicy.deadLetterTargetArn', value: { 'Fn::GetAtt': ['Dlq', 'Arn'] } },
      { resource: 'Fn', path: 'Properties.Environment.Variables.DLQ', value: { Ref: 'Dlq' } },
    ]);
    expect(sitesReferencing(template, 'Fn')).toEqual([]);
  });
});
