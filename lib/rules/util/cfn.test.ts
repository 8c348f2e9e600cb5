import { describe, expect, it } from 'vitest';
import { literalNumber, literalText } from './cfn';

describe('util/cfn', () => {
  it('literalNumber reads numbers and numeric strings, not intrinsics', () => {
    expect(literalNumber(60)).toBe(60);
    expect(literalNumber('300')).toBe(300);
    expect(literalNumber({ Ref: 'Period' })).toBeUndefined();
    expect(literalNumber('')).toBeUndefined();
    expect(literalNumber('five')).toBeUndefined();
  });

  it('literalText flattens strings, Fn::Join and Fn::Sub with placeholders for non-literal parts', () => {
    expect(literalText('plain')).toBe('plain');
    expect(literalText({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/X']] })).toBe('arn:*:iam::aws:policy/X');
    expect(literalText({ 'Fn::Join': ['/', ['', 'aws', 'lambda', { Ref: 'Fn' }]] }, '?')).toBe('/aws/lambda/?');
    expect(literalText({ 'Fn::Sub': '/aws/lambda/${Fn}-${!Literal}' })).toBe('/aws/lambda/*-${!Literal}');
    expect(literalText({ 'Fn::Sub': ['${Name}-logs', { Name: 'x' }] })).toBe('*-logs');
    expect(literalText({ Ref: 'Fn' })).toBeUndefined();
    expect(literalText(3)).toBeUndefined();
  });
});
