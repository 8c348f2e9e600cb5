import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyMarkdown, extractCodeBlocks } from './markdown';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const resources = (parts: ReturnType<typeof classifyMarkdown>, i: number) => Object.keys(parts.templates[i].loaded.template.Resources);

describe('classifyMarkdown on messy answers', () => {
  it('prefers the final answer over the reasoning section and keeps the reasoning blocks as drafts', () => {
    const parts = classifyMarkdown(fixture('reasoning-then-final.md'), 'MODEL_RESPONSE.md');
    expect(parts.templates.map((t) => [t.block.name, t.block.section, t.block.startLine])).toEqual([['lib/TapStack.yml', 'final', 27]]);
    expect(resources(parts, 0)).toEqual(['Bucket', 'Queue', 'Policy']);
    expect(parts.templates[0].loaded.template.Resources.Policy.Properties?.Queues).toEqual([{ Ref: 'Queue' }]);
    expect(parts.main).toEqual({ index: 0, reason: 'only' });
    expect(parts.drafts.map((d) => [d.block.name, d.block.startLine, d.reason, d.supersededBy])).toEqual([
      ['lib/TapStack.yml', 8, 'reasoning-section', 27],
      [undefined, 17, 'reasoning-section', undefined],
    ]);
    expect(parts.sources.some((s) => s.text.includes('from aws_cdk import core'))).toBe(false);
    expect(parts.notes).toContain(
      "Draft, not analyzed: lib/TapStack.yml at MODEL_RESPONSE.md:8 is in a reasoning section (the answer's is at line 27).",
    );
  });

  it("reports a JSON template with a trailing comma with its markdown line and the parser's reason, not as a template", () => {
    const parts = classifyMarkdown(fixture('reasoning-then-final.md'), 'MODEL_RESPONSE.md');
    expect(parts.invalidTemplates).toHaveLength(1);
    const [{ block, error }] = parts.invalidTemplates;
    expect([block.name, block.startLine, error.format, error.line]).toEqual(['lib/alarms.json', 50, 'json', 3]);
    expect(error.reason).toMatch(/double-quoted property name/);
    expect(parts.sources.find((s) => s.templateFormat)).toMatchObject({ name: 'lib/alarms.json', startLine: 50, templateFormat: 'json' });
    const bash = parts.sources.find((s) => s.text.startsWith('aws cloudformation deploy'));
    expect(bash).toMatchObject({ startLine: 59, text: 'aws cloudformation deploy --template-file lib/TapStack.yml --stack-name tap' });
  });

  it('reads <thinking>/<answer> tags and unwraps a ````markdown wrapper; several templates, the main one named like TapStack', () => {
    const parts = classifyMarkdown(fixture('thinking-tags.md'), 'answer.md');
    expect(parts.drafts.map((d) => [d.block.name, d.reason, d.supersededBy])).toEqual([['lib/network.yml', 'reasoning-section', 16]]);
    expect(parts.templates.map((t) => [t.block.name, t.block.nameFrom, t.block.startLine])).toEqual([
      ['lib/network.yml', 'info', 16],
      ['lib/TapStack.yml', 'info', 24],
    ]);
    expect(resources(parts, 0)).toEqual(['Vpc']);
    expect(parts.main).toEqual({ index: 1, reason: 'named' });
    expect(parts.notes[0]).toBe(
      "Main template: lib/TapStack.yml at answer.md:24 (named like the task's template; 1 other template(s) analyzed too).",
    );
    expect(classifyMarkdown(fixture('thinking-tags.md'), 'answer.md', { mainName: 'network' }).main).toEqual({ index: 0, reason: 'named' });
  });

  it('reads Windows line endings exactly like Unix ones', () => {
    const crlf = fixture('windows-line-endings.md');
    expect(crlf).toContain('\r\n');
    const a = classifyMarkdown(crlf, 'a.md');
    const b = classifyMarkdown(crlf.replace(/\r\n/g, '\n'), 'a.md');
    expect(a).toEqual(b);
    expect(a.templates.map((t) => [t.block.name, t.block.text.includes('\r')])).toEqual([['lib/TapStack.yml', false]]);
    expect(a.templates[0].loaded.template.Resources.Topic.Properties?.TopicName).toEqual({ Ref: 'AWS::StackName' });
    expect(a.invalidTemplates.map((t) => [t.block.startLine, t.error.line])).toEqual([[14, 4]]);
  });

  it("chooses the largest final template when none is named like the task's, deterministically", () => {
    const md = [
      '## Implementation',
      '```yaml',
      'Resources:',
      '  A: { Type: AWS::SNS::Topic }',
      '  B: { Type: AWS::SNS::Topic }',
      '```',
      '```yaml',
      'Resources:',
      '  C: { Type: AWS::SQS::Queue }',
      '```',
      '## Extras',
      '```yaml',
      'Resources:',
      '  D: { Type: AWS::SNS::Topic }',
      '  E: { Type: AWS::SNS::Topic }',
      '  F: { Type: AWS::SNS::Topic }',
      '```',
    ].join('\n');
    const parts = classifyMarkdown(md, 'a.md');
    expect(parts.templates).toHaveLength(3);
    expect(parts.main).toEqual({ index: 0, reason: 'largest' });
    expect(classifyMarkdown(md.replace('## Implementation', '## Setup'), 'a.md').main).toEqual({ index: 2, reason: 'largest' });
  });

  it('turns truncated template blocks into a syntax error (JSON) or a template noted as not closed (YAML that still parses)', () => {
    const json = classifyMarkdown('Answer:\n\n```json\n{\n  "Resources": {\n    "A": { "Type": "AWS::SNS::Topic" ', 'a.md');
    expect(json.templates).toEqual([]);
    expect(json.invalidTemplates[0].error).toMatchObject({ format: 'json', line: 3, reason: "Expected ',' or '}' after property value" });
    const yaml = classifyMarkdown('```yaml\nResources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: x', 'a.md');
    expect(yaml.templates[0].block.closed).toBe(false);
    expect(yaml.notes).toContain('Template block not closed (truncated answer?): the block at a.md:2.');
  });

  it('treats prose inside a template fence as a syntax error at the prose line, and prose in other fences as text', () => {
    const md = [
      '```yaml',
      'This template creates a topic and a queue.',
      'Resources:',
      '  T: { Type: AWS::SNS::Topic }',
      '```',
      '```text',
      'Resources are created by CloudFormation.',
      '```',
    ].join('\n');
    const parts = classifyMarkdown(md, 'a.md');
    expect(parts.invalidTemplates.map((t) => [t.block.startLine, t.error.format, t.error.line])).toEqual([[2, 'yaml', 1]]);
    expect(parts.invalidTemplates[0].error.reason).toMatch(/Implicit keys/);
    expect(parts.sources.map((s) => [s.startLine, s.language, s.templateFormat])).toEqual([
      [2, 'unknown', 'yaml'],
      [7, 'unknown', undefined],
    ]);
  });

  it('keeps the later of two answer blocks of the same file, and a final-section one over a later one elsewhere', () => {
    const md = ['`app.py`', '```python', 'v1', '```', '`app.py`', '```python', 'v2', '```'].join('\n');
    const parts = classifyMarkdown(md, 'a.md');
    expect(parts.sources.map((s) => s.text)).toEqual(['v2']);
    expect(parts.drafts.map((d) => [d.reason, d.supersededBy])).toEqual([['superseded', 7]]);
    const withFinal = [
      '## Final Answer',
      '`app.py`',
      '```python',
      'final',
      '```',
      '## Testing',
      '`app.py`',
      '```python',
      'snippet',
      '```',
    ].join('\n');
    expect(classifyMarkdown(withFinal, 'a.md').sources.map((s) => s.text)).toEqual(['final']);
  });

  it('analyzes every block as the answer when all of them sit in a reasoning section', () => {
    const md = ['## Analysis', '```yaml', 'Resources:', '  T: { Type: AWS::SNS::Topic }', '```'].join('\n');
    expect(classifyMarkdown(md, 'a.md')).toMatchObject({ drafts: [], main: { index: 0, reason: 'only' } });
    expect(extractCodeBlocks(md)[0].section).toBe('reasoning');
  });
});
