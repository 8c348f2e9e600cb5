import { describe, expect, it } from 'vitest';
import { functionResource, resource, template } from '../rules/test-util';
import { differenceFindings } from './index';
import { extraResourceFindings, missingResourceFindings } from './resources';
import { alignment } from './test-util';

const dlqReference = template({
  Dlq: resource('AWS::SQS::Queue', { MessageRetentionPeriod: 1209600 }),
  DlqPolicy: resource('AWS::SQS::QueuePolicy', { Queues: [{ Ref: 'Dlq' }], PolicyDocument: {} }),
  Fn: functionResource({ DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': ['Dlq', 'Arn'] } } }),
});

describe('missingResourceFindings', () => {
  it('non-compliant: a missing DLQ, its policy and the function setting that pointed at it are one finding', () => {
    const model = template({ Handler: functionResource() });
    const findings = differenceFindings(dlqReference, model, alignment(dlqReference, model, { Fn: 'Handler' }));
    expect(findings).toHaveLength(1);
    const [dlq] = findings;
    expect(dlq).toMatchObject({ rule: 'difference/missing-resource', category: 'deployment', severity: 'warning', resources: ['Handler'] });
    expect(dlq.title).toContain('dead-letter queue');
    expect(dlq.message).toContain('DlqPolicy');
    expect(dlq.evidence).toContainEqual(expect.objectContaining({ resource: 'Fn', path: 'Properties.DeadLetterConfig.TargetArn' }));
    expect(dlq.evidence).toContainEqual(expect.objectContaining({ resource: 'Handler', path: 'Properties.DeadLetterConfig.TargetArn' }));
    expect(dlq.fix).toMatch(
      /defines `Dlq` \(AWS::SQS::Queue, with MessageRetentionPeriod `1209600`\) and sets `Fn` Properties\.DeadLetterConfig\.TargetArn/,
    );
  });

  it('non-compliant: a missing log group is observability, a missing key security', () => {
    const ref = template({ Logs: resource('AWS::Logs::LogGroup', { RetentionInDays: 30 }), Key: resource('AWS::KMS::Key') });
    const categories = missingResourceFindings(ref, template({}), alignment(ref, template({}))).map((f) => f.category);
    expect(categories).toEqual(['observability', 'security']);
  });

  it('non-compliant: a resource used only by a missing one goes with it (a cache policy of a missing distribution)', () => {
    const ref = template({
      CachePolicy: resource('AWS::CloudFront::CachePolicy', {}),
      Distribution: resource('AWS::CloudFront::Distribution', { DistributionConfig: { CachePolicyId: { Ref: 'CachePolicy' } } }),
    });
    const findings = missingResourceFindings(ref, template({}), alignment(ref, template({})));
    expect(findings.map((f) => f.title)).toEqual(['Missing CDN distribution: Distribution']);
    expect(findings[0].message).toContain('CachePolicy');
  });

  it('compliant: nothing when every reference resource has a counterpart', () => {
    const model = template({ Q: resource('AWS::SQS::Queue'), P: resource('AWS::SQS::QueuePolicy'), H: functionResource() });
    expect(missingResourceFindings(dlqReference, model, alignment(dlqReference, model, { Dlq: 'Q', DlqPolicy: 'P', Fn: 'H' }))).toEqual([]);
  });
});

describe('extraResourceFindings', () => {
  it('non-compliant: an extra model resource is info, its attachments folded in', () => {
    const model = template({ Topic: resource('AWS::SNS::Topic'), Sub: resource('AWS::SNS::Subscription', { TopicArn: { Ref: 'Topic' } }) });
    const findings = extraResourceFindings(model, alignment(template({}), model));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'difference/extra-resource', severity: 'info', resources: ['Topic', 'Sub'] });
  });

  it('compliant: CDK metadata and resources without a type are never extra', () => {
    const model = template({ CDKMetadata: resource('AWS::CDK::Metadata'), '/* comment */': {} as never });
    expect(extraResourceFindings(model, alignment(template({}), model))).toEqual([]);
  });
});

describe('folding by use', () => {
  it('non-compliant: a resource only an alarm watches is its own finding, not the alarm’s', () => {
    const ref = template({
      Instance: resource('AWS::EC2::Instance', { InstanceType: 't3.micro' }),
      CpuAlarm: resource('AWS::CloudWatch::Alarm', { Dimensions: [{ Name: 'InstanceId', Value: { Ref: 'Instance' } }] }),
    });
    const titles = missingResourceFindings(ref, template({}), alignment(ref, template({}))).map((f) => f.title);
    expect(titles).toEqual(['Missing resource: Instance', 'Missing CloudWatch alarm: CpuAlarm']);
  });
});
