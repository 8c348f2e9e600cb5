import { describe, expect, it } from 'vitest';
import { resource, template } from '../test-util';
import type { CfnValue } from '../../templates/types';
import { applicationFunctions, executionRoleId, literalFunctionName, namesFunction } from './lambda';

const fn = (props: Record<string, CfnValue> = {}) => resource('AWS::Lambda::Function', { Runtime: 'python3.12', ...props });

describe('util/lambda', () => {
  const t = template({
    Role: resource('AWS::IAM::Role'),
    Fn: fn({ Role: { 'Fn::GetAtt': ['Role', 'Arn'] } }),
    Named: fn({ FunctionName: 'orders', Role: 'arn:aws:iam::1:role/x' }),
    Version: resource('AWS::Lambda::Version', { FunctionName: { Ref: 'Fn' } }),
    Alias: resource('AWS::Lambda::Alias', {
      FunctionName: { Ref: 'Fn' },
      FunctionVersion: { 'Fn::GetAtt': ['Version', 'Version'] },
      Name: 'live',
    }),
    LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8aFD4BFC8A: fn(),
    CustomS3AutoDeleteObjectsCustomResourceProviderHandler9D90184F: fn(),
  });

  it('applicationFunctions leaves out CDK framework handlers', () => {
    expect(applicationFunctions(t).map(([id]) => id)).toEqual(['Fn', 'Named']);
  });

  it('executionRoleId finds the template role a function references, not imported ARNs', () => {
    expect(executionRoleId(t, t.Resources.Fn)).toBe('Role');
    expect(executionRoleId(t, t.Resources.Named)).toBeUndefined();
  });

  it('literalFunctionName reads a literal FunctionName only', () => {
    expect(literalFunctionName(t.Resources.Named)).toBe('orders');
    expect(literalFunctionName(t.Resources.Fn)).toBeUndefined();
    expect(literalFunctionName(fn({ FunctionName: { 'Fn::Sub': '${AWS::StackName}-fn' } }))).toBeUndefined();
  });

  it('namesFunction accepts references (also through versions and aliases), literal names and ARNs', () => {
    expect(namesFunction(t, { Ref: 'Fn' }, 'Fn')).toBe(true);
    expect(namesFunction(t, { Ref: 'Alias' }, 'Fn')).toBe(true);
    expect(namesFunction(t, { Ref: 'Version' }, 'Fn')).toBe(true);
    expect(namesFunction(t, 'orders', 'Named')).toBe(true);
    expect(namesFunction(t, 'arn:aws:lambda:us-east-1:1:function:orders', 'Named')).toBe(true);
    expect(namesFunction(t, 'arn:aws:lambda:us-east-1:1:function:orders:live', 'Named')).toBe(true);
    expect(namesFunction(t, 'orders-v2', 'Named')).toBe(false);
    expect(namesFunction(t, { Ref: 'Named' }, 'Fn')).toBe(false);
    expect(namesFunction(t, 'Fn', 'Fn')).toBe(false);
  });
});
