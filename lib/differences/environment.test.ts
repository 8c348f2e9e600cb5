import { describe, expect, it } from 'vitest';
import { functionResource, resource, template } from '../rules/test-util';
import { propertyFindings } from './properties';
import { alignment } from './test-util';

const withVariables = (Variables: Record<string, unknown>) => functionResource({ Environment: { Variables } as never });

describe('environment variables of a paired function', () => {
  it('non-compliant: one finding naming every variable the model lacks, with the reference values as its fix', () => {
    const reference = template({ T: resource('AWS::DynamoDB::Table'), Fn: withVariables({ TABLE_NAME: { Ref: 'T' }, LOG_LEVEL: 'INFO' }) });
    const model = template({ T: resource('AWS::DynamoDB::Table'), Fn: withVariables({}) });
    const findings = propertyFindings(reference, model, alignment(reference, model));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ category: 'deployment', severity: 'warning', resources: ['Fn'] });
    expect(findings[0].message).toContain('lacks `TABLE_NAME`, `LOG_LEVEL`');
    expect(findings[0].fix).toBe('The reference sets TABLE_NAME=`{"Ref":"T"}`, LOG_LEVEL=`"INFO"` on `Fn`.');
  });

  it('non-compliant: a value set otherwise alone is info', () => {
    const reference = template({ Fn: withVariables({ LOG_LEVEL: 'INFO' }) });
    const model = template({ Fn: withVariables({ LOG_LEVEL: 'DEBUG', EXTRA: 'x' }) });
    expect(propertyFindings(reference, model, alignment(reference, model))[0]).toMatchObject({ severity: 'info' });
  });

  it('compliant: extra model variables, paired references and variables pointing at missing resources say nothing', () => {
    const reference = template({
      Q: resource('AWS::SQS::Queue'),
      T: resource('AWS::DynamoDB::Table'),
      Fn: withVariables({ Q: { Ref: 'Q' }, T: { Ref: 'T' } }),
    });
    const model = template({
      MyTable: resource('AWS::DynamoDB::Table'),
      Fn: withVariables({ T: { 'Fn::Sub': '${MyTable}' }, EXTRA: '1' }),
    });
    expect(propertyFindings(reference, model, alignment(reference, model, { T: 'MyTable' }))).toEqual([]);
  });
});
