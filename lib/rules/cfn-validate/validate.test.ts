import { describe, expect, it } from 'vitest';
import { analyzeArtifact } from '../analyze';
import { parseTemplate } from '../../templates/load';
import { diagnosticToFinding } from './map';

describe('diagnosticToFinding', () => {
  it('maps security diagnostics to security and everything else to deployment, with severities', () => {
    const base = { message: 'm', source: 'CFN_LINT' as const, entity: { logicalId: 'A', entityType: 'Resource' as const } };
    const sec = diagnosticToFinding({ ...base, ruleId: 'W2508', severity: 'WARN', category: 'Security' }, {});
    const schema = diagnosticToFinding(
      { ...base, ruleId: 'F3006', severity: 'FATAL', category: 'Schema', propertyPath: 'Type' },
      { F3006: { description: 'Unknown type', category: 'Schema' } },
    );
    expect([sec.category, sec.severity, sec.rule]).toEqual(['security', 'warning', 'cfn-validate/W2508']);
    expect([schema.category, schema.severity, schema.title, schema.resources]).toEqual(['deployment', 'error', 'Unknown type', ['A']]);
  });
});

describe('cloudformation-validate through analyzeArtifact', () => {
  it('reports unknown resource types and properties as deployment errors with file lines', async () => {
    const text = [
      'Resources:',
      '  Thing:',
      '    Type: AWS::Made::Up',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      NotAProperty: 1',
    ].join('\n');
    const findings = await analyzeArtifact({ template: parseTemplate(text, 'x.yaml'), sources: [] });
    const validate = findings.filter((f) => f.source === 'cloudformation-validate');
    const unknownType = validate.find((f) => f.resources[0] === 'Thing');
    const unknownProp = validate.find((f) => f.resources[0] === 'Bucket' && f.severity === 'error');
    expect(unknownType).toMatchObject({ category: 'deployment', severity: 'error' });
    expect(unknownType?.message).toMatch(/AWS::Made::Up/);
    expect(unknownProp?.message).toMatch(/NotAProperty/);
    expect(unknownProp?.location).toMatchObject({ file: 'x.yaml', line: 7 });
  });

  it('marks validator findings acknowledged by the template, keeping them visible', async () => {
    const text = JSON.stringify({
      Metadata: { 'infra-review': { acknowledge: [{ rule: 'cfn-validate/F3006', reason: 'private registry type' }] } },
      Resources: { Thing: { Type: 'AWS::Made::Up' } },
    });
    const findings = await analyzeArtifact({ template: parseTemplate(text, 'x.json'), sources: [] });
    expect(findings.find((f) => f.rule === 'cfn-validate/F3006')?.acknowledged).toEqual({ reason: 'private registry type' });
  });
});
