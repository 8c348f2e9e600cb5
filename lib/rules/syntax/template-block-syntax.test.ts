import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../templates/types';
import { input, inputFromText, source } from '../test-util';
import { rule } from './template-block-syntax';

/** A markdown block handed to the rules the way classifyMarkdown hands an invalid template block. */
const block = (text: string, startLine: number, name?: string): SourceFile => ({
  path: 'MODEL_RESPONSE.md',
  language: 'unknown',
  text,
  startLine,
  templateFormat: text.trimStart().startsWith('{') ? 'json' : 'yaml',
  ...(name ? { name } : {}),
});

describe('template-block-syntax', () => {
  it("non-compliant 1: YAML that does not parse is reported at its markdown line with the parser's reason", () => {
    const [v, ...rest] = rule.check(
      input(undefined, [block('Resources:\n  Topic:\n    Type: [AWS::SNS::Topic\n', 20, 'lib/TapStack.yml')]),
    );
    expect(rest).toEqual([]);
    expect(v.location).toMatchObject({ file: 'MODEL_RESPONSE.md', line: 23 });
    expect(v.message).toMatch(/^MODEL_RESPONSE\.md:23: the lib\/TapStack\.yml block \(YAML, from line 20\) does not parse: Flow sequence/);
  });

  it('non-compliant 2: JSON with a trailing comma, and truncated JSON, at the line JSON.parse stops on', () => {
    const violations = rule.check(
      input(undefined, [
        block('{\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue" },\n  }\n}', 5),
        block('{\n  "Resources": {\n    "A": {', 40),
      ]),
    );
    expect(violations.map((v) => [v.location?.line, v.location?.column])).toEqual([
      [8, 3],
      [42, 11],
    ]);
    expect(violations[0].message).toContain('template block (JSON, from line 5) does not parse: Expected double-quoted property name.');
    expect(violations[0].evidence?.[0]).toMatchObject({ value: '}', note: 'JSON parser: Expected double-quoted property name' });
  });

  it('compliant: marked blocks that parse, unmarked text that does not, and templates', () => {
    expect(rule.check(input(undefined, [block('Resources:\n  A: { Type: AWS::SNS::Topic }', 3)]))).toEqual([]);
    expect(rule.check(input(undefined, [source('Resources:\n  A: [', 'unknown', 'notes.txt')]))).toEqual([]);
    expect(rule.check(inputFromText('Resources:\n  B: { Type: AWS::S3::Bucket }\n'))).toEqual([]);
  });
});
