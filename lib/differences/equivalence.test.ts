import { describe, expect, it } from 'vitest';
import { canonical, isDefault, sameValue } from './equivalence';

const none = new Map<string, string>();

describe('sameValue', () => {
  it('takes Fn::Sub "${X}" for Ref X and Fn::Sub "${A.B}" for Fn::GetAtt [A, B]', () => {
    expect(sameValue({ Ref: 'Bucket' }, { 'Fn::Sub': '${Bucket}' }, none)).toBe(true);
    expect(sameValue({ 'Fn::GetAtt': ['Queue', 'Arn'] }, { 'Fn::Sub': '${Queue.Arn}' }, none)).toBe(true);
  });

  it('takes Fn::GetAtt "A.B" for Fn::GetAtt [A, B]', () => {
    expect(sameValue({ 'Fn::GetAtt': 'Table.Arn' }, { 'Fn::GetAtt': ['Table', 'Arn'] }, none)).toBe(true);
  });

  it('takes an empty-delimiter Fn::Join for the Fn::Sub that says the same', () => {
    const join = { 'Fn::Join': ['', ['app-', { Ref: 'EnvironmentSuffix' }, '-', { 'Fn::GetAtt': ['Table', 'Arn'] }]] };
    expect(sameValue(join, { 'Fn::Sub': 'app-${EnvironmentSuffix}-${Table.Arn}' }, none)).toBe(true);
  });

  it('ignores the order of keys and of array items, and numbers written as strings', () => {
    expect(sameValue({ A: [1, 2], B: 'x' }, { B: 'x', A: ['2', '1'] }, none)).toBe(true);
  });

  it('renames model IDs to their reference counterparts, also inside Fn::Sub and Fn::Join', () => {
    const ids = new Map([['MyQueue1234ABCD', 'Queue']]);
    expect(sameValue({ Ref: 'Queue' }, { Ref: 'MyQueue1234ABCD' }, ids)).toBe(true);
    expect(sameValue({ 'Fn::Sub': 'arn:${Queue.Arn}/x' }, { 'Fn::Sub': 'arn:${MyQueue1234ABCD.Arn}/x' }, ids)).toBe(true);
    expect(sameValue({ 'Fn::Sub': '${Queue}-x' }, { 'Fn::Join': ['', [{ Ref: 'MyQueue1234ABCD' }, '-x']] }, ids)).toBe(true);
  });

  it('tells different values and references to unpaired resources apart', () => {
    expect(sameValue({ Ref: 'Queue' }, { Ref: 'OtherQueue' }, new Map([['MyQueue', 'Queue']]))).toBe(false);
    expect(sameValue('python3.12', 'python3.8', none)).toBe(false);
    expect(sameValue({ Ref: 'X' }, undefined, none)).toBe(false);
  });

  it('never mutates its inputs', () => {
    const value = Object.freeze({ B: Object.freeze([2, 1]), A: 'x' });
    expect(canonical(value)).toEqual({ A: 'x', B: ['1', '2'] });
  });
});

describe('isDefault', () => {
  it('knows what CloudFormation assumes when a property is omitted', () => {
    expect(isDefault('AWS::Lambda::Function', 'Timeout', 3)).toBe(true);
    expect(isDefault('AWS::S3::Bucket', 'DeletionPolicy', 'Delete')).toBe(true);
    expect(isDefault('AWS::RDS::DBInstance', 'PubliclyAccessible', false)).toBe(true);
    expect(isDefault('AWS::DynamoDB::Table', 'PointInTimeRecoverySpecification', { PointInTimeRecoveryEnabled: 'false' })).toBe(true);
  });

  it('does not take other values, or a default of another type, as the default', () => {
    expect(isDefault('AWS::Lambda::Function', 'Timeout', 30)).toBe(false);
    expect(isDefault('AWS::SQS::Queue', 'Timeout', 3)).toBe(false);
    expect(isDefault('AWS::S3::Bucket', 'DeletionPolicy', 'Retain')).toBe(false);
  });
});
