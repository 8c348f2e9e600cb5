import { describe, expect, it } from 'vitest';
import { functionResource, resource, template } from '../rules/test-util';
import { propertyFindings } from './properties';
import { alignment } from './test-util';

const pairOf = (
  ref: ReturnType<typeof resource>,
  model: ReturnType<typeof resource>,
  extra: Record<string, ReturnType<typeof resource>> = {},
) => {
  const reference = template({ R: ref, ...extra });
  const modelTemplate = template({ M: model, ...extra });
  return propertyFindings(reference, modelTemplate, alignment(reference, modelTemplate, { R: 'M' }));
};

describe('propertyFindings', () => {
  it('non-compliant 1: an omitted public access block is a security error with both values and paths in its evidence', () => {
    const block = { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true };
    const [finding] = pairOf(resource('AWS::S3::Bucket', { PublicAccessBlockConfiguration: block }), resource('AWS::S3::Bucket'));
    expect(finding).toMatchObject({ rule: 'difference/property', category: 'security', severity: 'error', resources: ['M'] });
    expect(finding.evidence).toEqual([
      expect.objectContaining({ resource: 'R', path: 'Properties.PublicAccessBlockConfiguration', value: block }),
      expect.objectContaining({ resource: 'M', path: 'Properties.PublicAccessBlockConfiguration' }),
    ]);
    expect(finding.fix).toContain('sets Properties.PublicAccessBlockConfiguration of `R` (AWS::S3::Bucket) to');
  });

  it('non-compliant 2: a changed runtime and engine version are deployment findings', () => {
    const findings = pairOf(functionResource({ Runtime: 'python3.12' }), functionResource({ Runtime: 'python3.8' }));
    expect(findings.map((f) => [f.category, f.title])).toEqual([['deployment', 'M: runtime not as in the reference']]);
    expect(findings[0].message).toContain('reference `"python3.12"`, model `"python3.8"`');
  });

  it('non-compliant 3: DeletionPolicy and UpdateReplacePolicy set otherwise are one finding', () => {
    const ref = { ...resource('AWS::S3::Bucket'), DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
    expect(pairOf(ref, resource('AWS::S3::Bucket')).map((f) => f.evidence?.[0].path)).toEqual(['DeletionPolicy']);
  });

  it('non-compliant 4: a reference to a paired resource that points at another resource (or a literal) in the model', () => {
    const others = { Fn: functionResource(), Other: functionResource() };
    const alarm = (value: unknown) =>
      resource('AWS::CloudWatch::Alarm', { Dimensions: [{ Name: 'FunctionName', Value: value as string }] });
    const [finding] = pairOf(alarm({ Ref: 'Fn' }), alarm({ Ref: 'Other' }), others);
    expect(finding.title).toBe('M: Dimensions points elsewhere than in the reference');
    expect(pairOf(alarm({ Ref: 'Fn' }), alarm('my-function'), others)).toHaveLength(1);
  });

  it('non-compliant 5: a model that makes a database publicly accessible where the reference leaves it out', () => {
    const findings = pairOf(resource('AWS::RDS::DBInstance'), resource('AWS::RDS::DBInstance', { PubliclyAccessible: true }));
    expect(findings.map((f) => [f.category, f.severity])).toEqual([['security', 'error']]);
  });

  it('compliant: properties outside the table, settings the model adds, defaults written out and equal references say nothing', () => {
    const ref = functionResource({ Description: 'a', Role: { 'Fn::GetAtt': ['Role', 'Arn'] } });
    const model = functionResource({ Description: 'b', Timeout: 3, TracingConfig: { Mode: 'Active' }, Role: { 'Fn::GetAtt': 'Role.Arn' } });
    expect(pairOf(ref, model, { Role: resource('AWS::IAM::Role') })).toEqual([]);
  });

  it('compliant: a setting that points at a missing resource is left to the missing-resource finding', () => {
    const reference = template({ Q: resource('AWS::SQS::Queue'), R: functionResource({ DeadLetterConfig: { TargetArn: { Ref: 'Q' } } }) });
    const model = template({ M: functionResource() });
    expect(propertyFindings(reference, model, alignment(reference, model, { R: 'M' }))).toEqual([]);
  });
});

describe('lists set otherwise', () => {
  it('non-compliant: names only the rules one side has and the other lacks', () => {
    const ssh = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22 };
    const https = { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' };
    const group = (...rules: object[]) => resource('AWS::EC2::SecurityGroup', { SecurityGroupIngress: rules as never });
    const [finding] = pairOf(group(https, { ...ssh, CidrIp: '10.0.0.0/8' }), group(https, { ...ssh, CidrIp: '0.0.0.0/0' }));
    expect(finding.message).toBe(
      '`M` sets otherwise Properties.SecurityGroupIngress (ingress rules): only the reference has `{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"CidrIp":"10.0.0.0/8"}`; only the model has `{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"CidrIp":"0.0.0.0/0"}`.',
    );
  });
});
