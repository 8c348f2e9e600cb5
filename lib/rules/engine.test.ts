import { describe, expect, it } from 'vitest';
import { runRules } from './engine';
import { findAcknowledgement, readAcknowledgements } from './metadata-acknowledgements';
import { input, resource, template } from './test-util';
import type { Rule } from './types';

const throwing: Rule = {
  id: 'iam-least-privilege',
  check: () => {
    throw new Error('boom');
  },
};
const flagging: Rule = {
  id: 'lambda-log-group',
  check: (i) => Object.keys(i.template?.Resources ?? {}).map((id) => ({ message: `${id} bad`, resources: [id] })),
};

describe('runRules', () => {
  it('turns a rule that throws into an error finding and still runs the other rules', () => {
    const findings = runRules(input(template({ A: resource('AWS::SNS::Topic') })), [throwing, flagging]);
    expect(findings.map((f) => [f.rule, f.severity, f.title])).toEqual([
      ['iam-least-privilege', 'error', 'Rule iam-least-privilege failed'],
      ['lambda-log-group', 'warning', 'Missing CloudWatch Logs configuration'],
    ]);
    expect(findings[0].message).toContain('boom');
  });

  it('takes category, severity and title from the catalog', () => {
    const [f] = runRules(input(template({ Fn: resource('AWS::Lambda::Function') })), [flagging]);
    expect(f).toMatchObject({ category: 'observability', severity: 'warning', resources: ['Fn'], source: 'infra-review' });
  });
});

describe('acknowledgements', () => {
  const t = template(
    {
      Vpc: resource(
        'AWS::EC2::VPC',
        {},
        { Metadata: { 'infra-review': { acknowledge: [{ rule: 'nat-gateway-redundancy', reason: 'cost' }] } } },
      ),
      Fn: resource(
        'AWS::Lambda::Function',
        {},
        { Metadata: { cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-L1', reason: 'pinned' }] } } },
      ),
      Bad: resource('AWS::S3::Bucket', {}, { Metadata: { 'infra-review': { acknowledge: [{ rule: 'x', reason: '  ' }] } } }),
    },
    { Metadata: { 'infra-review': { acknowledge: [{ rule: 'cfn-validate/W3005', reason: 'CDK emits it' }] } } },
  );

  it('reads template-level, resource-level and cdk-nag acknowledgements, ignoring ones without a reason', () => {
    expect(readAcknowledgements(t)).toEqual([
      { rule: 'cfn-validate/W3005', reason: 'CDK emits it' },
      { rule: 'nat-gateway-redundancy', reason: 'cost', resource: 'Vpc' },
      { rule: 'AwsSolutions-L1', reason: 'pinned', resource: 'Fn' },
    ]);
  });

  it('matches a resource acknowledgement only on findings that concern that resource', () => {
    const acks = readAcknowledgements(t);
    expect(findAcknowledgement(acks, 'nat-gateway-redundancy', ['Vpc', 'Nat1'])?.reason).toBe('cost');
    expect(findAcknowledgement(acks, 'nat-gateway-redundancy', ['OtherVpc'])).toBeUndefined();
    expect(findAcknowledgement(acks, 'cfn-validate/W3005', ['Anything'])?.reason).toBe('CDK emits it');
  });
});
