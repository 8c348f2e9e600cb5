import { describe, expect, it } from 'vitest';
import { poldoc, resource, template } from '../rules/test-util';
import { statementChanges, statementsOf } from './iam';
import { propertyFindings } from './properties';
import { alignment } from './test-util';

const none = new Map<string, string>();
const allow = (Action: unknown, Resource: unknown = 'arn:aws:s3:::b/*', extra: Record<string, unknown> = {}) =>
  poldoc({ Effect: 'Allow', Action, Resource, ...extra } as never);

describe('statementChanges', () => {
  it('non-compliant 1: wildcard actions and resources are broadened, a lost action narrowed', () => {
    const changes = statementChanges(allow(['s3:GetObject', 'sqs:SendMessage']), allow('s3:*', '*'), none, new Set());
    expect(changes).toEqual([
      { direction: 'broadened', aspect: 'actions', items: ['s3:*'] },
      { direction: 'narrowed', aspect: 'actions', items: ['sqs:sendmessage'] },
      { direction: 'broadened', aspect: 'resources', items: ['*'] },
    ]);
  });

  it('non-compliant 2: a condition dropped broadens, a principal added broadens, a Deny dropped broadens', () => {
    const condition = { Bool: { 'aws:SecureTransport': 'true' } };
    expect(statementChanges(allow('s3:GetObject', '*', { Condition: condition }), allow('s3:GetObject', '*'), none, new Set())).toEqual([
      { direction: 'broadened', aspect: 'conditions', items: [JSON.stringify({ Bool: { 'aws:SecureTransport': 'true' } })] },
    ]);
    const trust = (...services: string[]) =>
      poldoc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: services } } as never);
    expect(
      statementChanges(trust('lambda.amazonaws.com'), trust('lambda.amazonaws.com', 'ec2.amazonaws.com'), none, new Set())[0],
    ).toMatchObject({
      direction: 'broadened',
      aspect: 'principals',
    });
    const deny = poldoc(
      { Effect: 'Deny', Action: 's3:PutObject', Resource: '*' } as never,
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } as never,
    );
    expect(statementChanges(deny, allow('s3:GetObject', '*'), none, new Set())).toEqual([
      { direction: 'broadened', aspect: 'Deny statements', items: ['s3:putobject'] },
    ]);
  });

  it('compliant: the same grants in another order, case, form or with paired resources renamed', () => {
    const ref = allow(['s3:GetObject', 's3:PutObject'], { 'Fn::GetAtt': ['Bucket', 'Arn'] });
    const model = poldoc({
      Action: ['S3:PutObject', 's3:getobject'],
      Effect: 'Allow',
      Resource: { 'Fn::Sub': '${MyBucket.Arn}' },
    } as never);
    expect(statementChanges(ref, model, new Map([['MyBucket', 'Bucket']]), new Set())).toEqual([]);
  });

  it("reads the statements of a role's inline policies and of a single-statement document", () => {
    expect(statementsOf([{ PolicyName: 'p', PolicyDocument: allow('s3:GetObject') }])).toHaveLength(1);
    expect(statementsOf({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } })).toHaveLength(1);
  });
});

describe('IAM statements as property findings', () => {
  it('non-compliant: a broadened policy is a security error naming what changed; a narrowed one a warning', () => {
    const reference = template({ P: resource('AWS::IAM::Policy', { PolicyDocument: allow('s3:GetObject') }) });
    const broad = template({ P: resource('AWS::IAM::Policy', { PolicyDocument: allow('s3:*') }) });
    const [finding] = propertyFindings(reference, broad, alignment(reference, broad));
    expect(finding).toMatchObject({ category: 'security', severity: 'error' });
    expect(finding.message).toContain('broadened actions: s3:*');
    const narrow = template({ P: resource('AWS::IAM::Policy', { PolicyDocument: allow('s3:GetObject', 'arn:aws:s3:::b/x') }) });
    expect(propertyFindings(reference, narrow, alignment(reference, narrow))[0].severity).toBe('warning');
  });
});

describe('statements about missing resources', () => {
  it('compliant: a reference statement only about a missing queue is left to the missing-resource finding', () => {
    const ref = poldoc(
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': ['Dlq', 'Arn'] } } as never,
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } as never,
    );
    expect(statementChanges(ref, allow('s3:GetObject', '*'), none, new Set(['Dlq']))).toEqual([]);
  });
});
