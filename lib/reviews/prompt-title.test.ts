import { describe, expect, it } from 'vitest';
import { promptTitle } from './prompt-title';

describe('promptTitle', () => {
  it('takes the first heading', () => {
    expect(promptTitle('# Serverless order pipeline\n\nBuild it.')).toBe('Serverless order pipeline');
  });

  it('skips YAML front matter, whose "---" is never a name', () => {
    expect(promptTitle('---\nid: 42\nplatform: cfn\n---\n\n# VPC with three tiers\n')).toBe('VPC with three tiers');
  });

  it('skips empty and boilerplate headings such as Prompt and Task', () => {
    expect(promptTitle('#\n# Prompt\n## Task:\n### **Multi-region S3 replication**\n')).toBe('Multi-region S3 replication');
  });

  it('falls back to the first line of prose, without markdown decoration', () => {
    expect(promptTitle('# Prompt\n\n---\n\n> Create a **CloudFormation** template for an [ECS](https://x) service.\n')).toBe(
      'Create a CloudFormation template for an ECS service.',
    );
  });

  it('ignores headings inside code fences and clips long names', () => {
    expect(promptTitle('```md\n# Not this\n```\n# This one\n')).toBe('This one');
    const long = promptTitle(`# ${'x'.repeat(300)}`)!;
    expect(long).toHaveLength(120);
    expect(long.endsWith('…')).toBe(true);
  });

  it('gives nothing for empty or decoration-only text', () => {
    expect(promptTitle(undefined)).toBeUndefined();
    expect(promptTitle('---\n---\n\n#\n')).toBeUndefined();
  });
});
