import { describe, expect, it } from 'vitest';
import { looksLikeTemplate, templateSyntaxError } from './template-syntax';

describe('looksLikeTemplate', () => {
  it('wants a data language (or none) and a Resources or AWSTemplateFormatVersion key', () => {
    expect(looksLikeTemplate('yaml', 'Resources:\n  A: 1')).toBe(true);
    expect(looksLikeTemplate('', '{\n  "AWSTemplateFormatVersion": "2010-09-09"')).toBe(true);
    expect(looksLikeTemplate('json', '{ "Resources" : {} }')).toBe(true);
    expect(looksLikeTemplate('yaml', 'jobs:\n  build: {}')).toBe(false);
    expect(looksLikeTemplate('python', 'Resources: dict = {}')).toBe(false);
    expect(looksLikeTemplate('text', 'Resources: none')).toBe(false);
  });
});

describe('templateSyntaxError', () => {
  it('is undefined for text that parses, short-form tags included', () => {
    expect(
      templateSyntaxError('Resources:\n  A:\n    Type: X\n    Properties: { Name: !Sub "${AWS::StackName}", Arn: !GetAtt B.Arn }'),
    ).toBeUndefined();
    expect(templateSyntaxError('{ "Resources": {} }')).toBeUndefined();
  });

  it("gives YAML errors with the parser's line, column and reason", () => {
    expect(templateSyntaxError('Resources:\n  A:\n   Type: X\n    Bad: 1')).toEqual({
      format: 'yaml',
      line: 3,
      column: 10,
      reason: 'Nested mappings are not allowed in compact mappings',
    });
  });

  it('turns JSON offsets into lines and columns, and the end of input into the last line', () => {
    expect(templateSyntaxError('{\n  "Resources": {\n    "A": 1,\n  }\n}')).toEqual({
      format: 'json',
      line: 4,
      column: 3,
      reason: 'Expected double-quoted property name',
    });
    expect(templateSyntaxError('{\n  "Resources": {\n')).toMatchObject({ format: 'json', line: 3 });
    expect(templateSyntaxError('{\n  "Resources": {\n    "A": ')).toMatchObject({ format: 'json', line: 3 });
  });
});
