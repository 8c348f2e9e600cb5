import { describe, expect, it } from 'vitest';
import { analyzeArtifact } from '../analyze';
import { parseTemplate } from '../../templates/load';
import type { CfnLintMatch } from './client';
import { cfnLintRuleOf, matchToFinding } from './map';
import { INVALID_ALARM_PERIOD } from './test-templates';

function match(over: Partial<CfnLintMatch>): CfnLintMatch {
  return {
    rule: 'E3012',
    level: 'error',
    title: 'Check resource properties values',
    description: '',
    message: 'm',
    path: null,
    line: 1,
    column: 1,
    ...over,
  };
}

describe('matchToFinding', () => {
  it('names the resource, the property path and the line of a resource diagnostic', () => {
    const finding = matchToFinding(match({ path: ['Resources', 'Topic', 'Properties', 'Tags', 0, 'Key'], line: 12, column: 9 }), 't.yaml');
    expect(finding).toMatchObject({
      rule: 'cfn-lint/E3012',
      source: 'cfn-lint',
      category: 'deployment',
      severity: 'error',
      title: 'Check resource properties values',
      resources: ['Topic'],
      evidence: [{ resource: 'Topic', path: 'Properties.Tags.0.Key' }],
      location: { file: 't.yaml', line: 12, column: 9 },
    });
  });

  it('keeps security rules in security, maps levels to severities, and gives no line without a template file', () => {
    const finding = matchToFinding(
      match({ rule: 'W1011', level: 'warning', path: ['Resources', 'Db', 'Properties', 'MasterUserPassword'] }),
    );
    expect([finding.category, finding.severity, finding.location]).toEqual(['security', 'warning', undefined]);
    expect(matchToFinding(match({ level: 'informational' })).severity).toBe('info');
  });

  it('points a diagnostic outside resources at its template path, naming no resource', () => {
    const finding = matchToFinding(match({ rule: 'E6101', path: ['Outputs', 'Url', 'Value'] }));
    expect([finding.resources, finding.evidence?.[0]?.path]).toEqual([[], 'Outputs.Url.Value']);
  });
});

describe('cfnLintRuleOf', () => {
  it('reads the cfn-lint rule of either linter: the validator’s fatal schema checks are cfn-lint’s E rules', () => {
    expect(['cfn-lint/E3012', 'cfn-validate/F3012', 'cfn-validate/W3010', 'iam-least-privilege'].map(cfnLintRuleOf)).toEqual([
      'E3012',
      'E3012',
      'W3010',
      undefined,
    ]);
  });
});

describe('cfn-lint through analyzeArtifact', () => {
  it('reports what only cfn-lint finds, and merges what both linters find into one finding listing both', async () => {
    const text = [
      'Resources:',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      NotAProperty: 1',
      ...INVALID_ALARM_PERIOD,
    ].join('\n');
    const findings = await analyzeArtifact({ template: parseTemplate(text, 'x.yaml'), sources: [] });
    const period = findings.find((f) => f.rule === 'cfn-lint/E3615');
    expect(period).toMatchObject({ resources: ['Alarm'], location: { file: 'x.yaml', line: 13 }, severity: 'error' });
    const unknown = findings.filter((f) => f.resources.includes('Bucket') && f.message.includes('NotAProperty'));
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ sources: ['cloudformation-validate', 'cfn-lint'], rules: ['cfn-validate/F3002', 'cfn-lint/E3002'] });
  });

  it('applies an acknowledgement of a validator rule to the same cfn-lint rule', async () => {
    const text = JSON.stringify({
      Metadata: { 'infra-review': { acknowledge: [{ rule: 'cfn-validate/F3002', reason: 'newer schema than the linters know' }] } },
      Resources: { Bucket: { Type: 'AWS::S3::Bucket', Properties: { NotAProperty: 1 } } },
    });
    const findings = await analyzeArtifact({ template: parseTemplate(text, 'x.json'), sources: [] });
    const unknown = findings.filter((f) => f.message.includes('NotAProperty'));
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({
      acknowledged: { reason: 'newer schema than the linters know' },
      sources: ['cloudformation-validate', 'cfn-lint'],
    });
  });
});
