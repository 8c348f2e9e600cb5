import { describe, expect, it } from 'vitest';
import { resource, template } from '../rules/test-util';
import { parameterNamingFinding, tagConventionFinding } from './naming';
import { alignment } from './test-util';

const parameters = { EnvironmentSuffix: { Type: 'String' } };
const named = (type: string, property: string, value: unknown) => resource(type, { [property]: value as string });

describe('parameterNamingFinding', () => {
  it('non-compliant: ONE finding listing every resource whose name is not built from the parameter', () => {
    const reference = template(
      {
        Bucket: named('AWS::S3::Bucket', 'BucketName', { 'Fn::Sub': 'data-${EnvironmentSuffix}' }),
        Table: named('AWS::DynamoDB::Table', 'TableName', { 'Fn::Join': ['-', ['items', { Ref: 'EnvironmentSuffix' }]] }),
      },
      { Parameters: parameters },
    );
    const model = template({ Bucket: named('AWS::S3::Bucket', 'BucketName', 'data-prod'), Table: resource('AWS::DynamoDB::Table') });
    const findings = parameterNamingFinding(reference, model, alignment(reference, model));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'difference/naming-convention',
      title: 'Resource names lack EnvironmentSuffix',
      resources: ['Bucket', 'Table'],
    });
    expect(findings[0].message).toContain('The model has no parameter `EnvironmentSuffix`');
  });

  it("compliant: names built from the same parameter, or from a parameter of the model's own", () => {
    const reference = template(
      { Bucket: named('AWS::S3::Bucket', 'BucketName', { 'Fn::Sub': 'data-${EnvironmentSuffix}' }) },
      { Parameters: parameters },
    );
    const same = template(
      { Bucket: named('AWS::S3::Bucket', 'BucketName', { 'Fn::Join': ['', ['data-', { Ref: 'EnvironmentSuffix' }]] }) },
      { Parameters: parameters },
    );
    const own = template(
      { Bucket: named('AWS::S3::Bucket', 'BucketName', { 'Fn::Sub': 'data-${Env}' }) },
      { Parameters: { Env: { Type: 'String' } } },
    );
    expect(parameterNamingFinding(reference, same, alignment(reference, same))).toEqual([]);
    expect(parameterNamingFinding(reference, own, alignment(reference, own))).toEqual([]);
  });
});

describe('tagConventionFinding', () => {
  const tags = [
    { Key: 'Project', Value: 'x' },
    { Key: 'Environment', Value: { Ref: 'EnvironmentSuffix' } },
  ];
  const reference = template({ A: resource('AWS::S3::Bucket', { Tags: tags }), B: resource('AWS::SQS::Queue', { Tags: tags }) });

  it('non-compliant: ONE finding listing the tag keys and every model resource that lacks them', () => {
    const model = template({ A: resource('AWS::S3::Bucket'), B: resource('AWS::SQS::Queue', { Tags: [{ Key: 'Project', Value: 'x' }] }) });
    const findings = tagConventionFinding(reference, model, alignment(reference, model));
    expect(findings.map((f) => [f.title, f.resources, f.severity])).toEqual([['Tags Project, Environment missing', ['A', 'B'], 'info']]);
  });

  it('compliant: the same keys, as a list or a map', () => {
    const model = template({
      A: resource('AWS::S3::Bucket', { Tags: tags }),
      B: resource('AWS::SQS::Queue', { Tags: { Project: 'x', Environment: 'dev' } }),
    });
    expect(tagConventionFinding(reference, model, alignment(reference, model))).toEqual([]);
  });
});
