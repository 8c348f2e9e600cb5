import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from './analyze-file';

const dir = mkdtempSync(path.join(os.tmpdir(), 'infra-review-analyze-file-'));

describe('analyzeFile on a markdown answer', () => {
  it('reports a template block that does not parse as a syntax finding at its markdown line, and analyzes no draft', async () => {
    const answer = [
      '## Reasoning',
      '```python',
      'from aws_cdk import core',
      '```',
      '## Final Answer',
      '**lib/TapStack.yml**',
      '```yaml',
      'Resources:',
      '  Topic:',
      '    Type: [AWS::SNS::Topic',
      '```',
      '```python',
      '# app.py',
      'import aws_cdk as cdk',
      '```',
    ].join('\n');
    const file = path.join(dir, 'answer.md');
    writeFileSync(file, answer);
    const findings = await analyzeFile(file);
    expect(findings.map((f) => [f.rule, f.category, f.severity, f.location?.line])).toEqual([
      ['template-block-syntax', 'syntax', 'error', 10],
    ]);
    expect(findings[0].location?.file).toBe(file);
    expect(findings[0].message).toContain('the lib/TapStack.yml block (YAML, from line 8) does not parse: Flow sequence');
  });
});
