import { yamlAliasBomb } from './alias-bomb';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { parseTemplate } from '../templates/load';
import { classifyMarkdown } from '../templates/markdown';
import { loadInlineArtifact } from '../pipeline/inline-artifact';
import { bracketDepth, isLimitError } from './bounds';
import { inputLimits } from './limits';

/** The AppError `run` throws (the test fails when it throws nothing or something else). */
function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

const buckets = (n: number) =>
  JSON.stringify({ Resources: Object.fromEntries(Array.from({ length: n }, (_, i) => [`B${i}`, { Type: 'AWS::S3::Bucket' }])) });

afterEach(() => {
  delete process.env.INFRA_REVIEW_MAX_RESOURCES;
  delete process.env.INFRA_REVIEW_MAX_FILE_BYTES;
});

describe('bracketDepth', () => {
  it('counts nesting outside strings and YAML comments', () => {
    expect(bracketDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(bracketDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(bracketDepth('{"a":"\\"[[["}')).toBe(1);
    expect(bracketDepth("a: 'it''s [[[ fine'\nb: [1] # [[[[\n")).toBe(1);
    expect(bracketDepth("Description: It's a bucket\nB: [[1]]\n")).toBe(2);
  });

  it('stops early past the bound', () => {
    expect(bracketDepth('['.repeat(1000), 10)).toBe(11);
  });
});

describe('parseTemplate within the input limits', () => {
  it('refuses deep JSON, deep arrays and deep YAML flow collections before parsing, as a limit', () => {
    for (const text of [
      '{"Resources":' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_001),
      '['.repeat(100_000) + ']'.repeat(100_000),
      `Resources: ${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    ]) {
      const error = refusal(() => parseTemplate(text, 't'));
      expect(error.status).toBe(422);
      expect(error.message).toMatch(/^t: nested more than 64 levels deep \(INFRA_REVIEW_MAX_DEPTH\)$/);
      expect(isLimitError(error)).toBe(true);
    }
  });

  it('refuses block YAML nested past the limit after parsing, and deeper than the parser follows as a plain parse error', () => {
    const block = (n: number) => `Resources:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} x\n`;
    expect(refusal(() => parseTemplate(block(100), 'b')).details).toMatchObject({ limit: 'depth', max: 64, actual: 65 });
    expect(refusal(() => parseTemplate(block(1500), 'b')).message).toMatch(
      /^b: cannot parse YAML: (line \d+: )?nested too deeply to parse$/,
    );
  });

  it('accepts nesting up to the limit', () => {
    const text = '{"Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":' + '{"a":'.repeat(60) + '1' + '}'.repeat(60) + '}}}';
    expect(Object.keys(parseTemplate(text).template.Resources)).toEqual(['B']);
  });

  it('refuses values of explicit YAML tags that are not JSON data (!!binary, !!set), as a parse error', () => {
    const yaml = (value: string) => `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: ${value}\n`;
    const binary = refusal(() => parseTemplate(yaml('!!binary aGVsbG8='), 'y'));
    expect(binary.message).toMatch(/^y: cannot parse: a \w+ value \(from a YAML tag such as !!binary or !!set\)/);
    expect(isLimitError(binary)).toBe(false);
    expect(refusal(() => parseTemplate(yaml('!!set { a, b }'), 'y')).message).toMatch(/a Set value/);
  });

  it('refuses a billion-laughs alias bomb', () => {
    expect(refusal(() => parseTemplate(yamlAliasBomb(10), 'l')).message).toMatch(/^l: cannot parse YAML: .*alias/i);
  });

  it('refuses more resources than the limit (5,000 by default; INFRA_REVIEW_MAX_RESOURCES), naming the count', () => {
    expect(inputLimits().resources).toBe(5000);
    expect(Object.keys(parseTemplate(buckets(5000)).template.Resources)).toHaveLength(5000);
    const error = refusal(() => parseTemplate(buckets(20_000), 'big.json'));
    expect(error.message).toBe('big.json: 20000 resources, over the limit of 5000 per template (INFRA_REVIEW_MAX_RESOURCES)');
    expect(error.details).toEqual({ limit: 'resources', max: 5000, actual: 20_000, variable: 'INFRA_REVIEW_MAX_RESOURCES' });
    process.env.INFRA_REVIEW_MAX_RESOURCES = '3';
    expect(refusal(() => parseTemplate(buckets(4), 'b')).details).toMatchObject({ max: 3, actual: 4 });
  });

  it('refuses text over the file limit before parsing it', () => {
    process.env.INFRA_REVIEW_MAX_FILE_BYTES = '100';
    const error = refusal(() => parseTemplate(buckets(10), 'b.json'));
    expect(error.message).toMatch(/^b\.json: \d+ bytes, over the 100 bytes limit of a file \(INFRA_REVIEW_MAX_FILE_BYTES\)$/);
  });

  it('throws on a limit variable that is not a positive integer rather than running unbounded', () => {
    process.env.INFRA_REVIEW_MAX_RESOURCES = 'lots';
    expect(() => inputLimits()).toThrow('INFRA_REVIEW_MAX_RESOURCES must be a positive integer, not "lots"');
  });
});

describe('limits across the loaders', () => {
  it('a template block over the limit in a markdown answer refuses the answer instead of becoming source text', () => {
    process.env.INFRA_REVIEW_MAX_RESOURCES = '3';
    const md = `# Answer\n\n\`\`\`json\n${buckets(4)}\n\`\`\`\n`;
    expect(isLimitError(refusal(() => classifyMarkdown(md, 'a.md')))).toBe(true);
  });

  it('an inline template over the limit throws (refused, never stored as a failed side); one that does not parse fails the side', () => {
    process.env.INFRA_REVIEW_MAX_RESOURCES = '3';
    expect(isLimitError(refusal(() => loadInlineArtifact('model', [{ name: 'm.json', text: buckets(4) }])))).toBe(true);
    const broken = loadInlineArtifact('model', [{ name: 'm.json', text: '{"Resources": ' }]);
    expect(broken.state).toMatchObject({ status: 'failed', stage: 'parse' });
  });
});
