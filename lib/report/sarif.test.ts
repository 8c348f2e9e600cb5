import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { bundledReview } from '../pipeline/bundled';
import { runReview } from '../pipeline/run';
import { analyzeArtifact } from '../rules/analyze';
import { CATALOG } from '../rules/catalog';
import { parseTemplate } from '../templates/load';
import { exportReview } from './export';
import { templateFilesOfText } from './locate';
import { renderSarif, type SarifLog } from './sarif';

/** The OASIS SARIF 2.1.0 schema (draft-07), as shipped in @datadog/datadog-ci@2.48.0's npm package. */
const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/sarif-schema-2.1.0.json'), 'utf8'));
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Errors of a log against the official schema, as readable lines (empty when valid). */
function schemaErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const yaml = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Role:
    Type: AWS::IAM::Role
    Metadata:
      infra-review:
        acknowledge:
          - rule: iam-least-privilege
            reason: break-glass role, reviewed quarterly
    Properties:
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: 'sts:AssumeRole' }] }
      Policies:
        - PolicyName: all
          PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Action: 's3:*', Resource: '*' }] }
`;

/** A catalog finding with no resources or place yet. */
const base = {
  rule: 'lambda-dead-letter-queue',
  category: 'deployment',
  severity: 'error',
  title: 't',
  message: 'm',
  source: 'infra-review',
} as const;

describe('renderSarif', () => {
  it('uses a schema that rejects what SARIF 2.1.0 forbids (so the checks below can fail)', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(
      schemaErrors({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }],
      }),
    ).not.toEqual([]);
    expect(schemaErrors({ version: '2.0.0', runs: [] })).not.toEqual([]);
  });

  it("writes a YAML template's findings valid against the schema, at the resource's line, with acknowledgements as suppressions", async () => {
    const findings = await analyzeArtifact({ template: parseTemplate(yaml, 'stack.yaml'), sources: [] });
    const log = renderSarif({ findings, templates: templateFilesOfText('stack.yaml', yaml), artifact: 'stack.yaml' });
    expect(schemaErrors(log)).toEqual([]);
    const iam = log.runs[0].results.find((r) => r.ruleId === 'iam-least-privilege')!;
    expect(iam.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'stack.yaml' }, region: { startLine: 5 } });
    expect(iam.suppressions).toEqual([{ kind: 'inSource', justification: 'break-glass role, reviewed quarterly' }]);
    const bucket = log.runs[0].results.find((r) => r.ruleId === 's3-encryption-enforced')!;
    expect(bucket.locations[0].physicalLocation.region).toEqual({ startLine: 3 });
    expect(bucket.suppressions).toBeUndefined();
    expect(log.runs[0].tool.driver.rules[iam.ruleIndex].id).toBe('iam-least-privilege');
  });

  it("names a resource of a multi-stack app by its stack as the logical location's fully qualified name", () => {
    const log = renderSarif({ findings: [{ ...base, resources: ['Fn'], stack: 'Api/Worker' }], templates: [], artifact: 'answer.md' });
    expect(schemaErrors(log)).toEqual([]);
    const [result] = log.runs[0].results;
    expect(result.locations[0].logicalLocations).toEqual([{ name: 'Fn', kind: 'resource', fullyQualifiedName: 'Api/Worker/Fn' }]);
    expect(result.properties.stack).toBe('Api/Worker');
  });

  it('points a synthesized template’s finding at the source line that created its construct, and names the construct', () => {
    const constructLocation = { file: 'lib/tap-stack.ts', line: 12 };
    const finding = { ...base, resources: ['Fn9270CBC0'], constructPath: 'TapStack/Fn/Resource', constructLocation };
    const log = renderSarif({ findings: [finding], templates: [], artifact: 'answer.md' });
    expect(schemaErrors(log)).toEqual([]);
    const [result] = log.runs[0].results;
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'lib/tap-stack.ts' }, region: { startLine: 12 } });
    expect(result.properties.constructPath).toBe('TapStack/Fn/Resource');
  });

  it('exports the bundled review valid against the schema, pointing at the model template and markdown lines', async () => {
    const def = bundledReview();
    const review = await runReview(def);
    const log = JSON.parse((await exportReview('sarif', review, def)).body) as SarifLog;
    expect(schemaErrors(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('infra-review');
    const ruleIds = run.tool.driver.rules.map((r) => r.id);
    expect(ruleIds).toEqual(expect.arrayContaining(Object.keys(CATALOG)));
    expect(ruleIds.some((id) => id.startsWith('cfn-validate/'))).toBe(true);
    expect(run.results).toHaveLength(review.findings.filter((f) => f.side === 'model').length);

    // A rule finding on a construct points at the source line that created it (the answer's Python in the markdown).
    const markdownText = readFileSync('infra/model/MODEL_RESPONSE.md', 'utf8').split('\n');
    const dlq = run.results.find((r) => r.ruleId === 'lambda-dead-letter-queue')!;
    const at = dlq.locations[0].physicalLocation;
    expect(at.artifactLocation.uri).toBe('infra/model/MODEL_RESPONSE.md');
    expect(markdownText[at.region!.startLine - 1]).toMatch(/_lambda\.Function\(/);
    expect(dlq.properties.constructPath).toMatch(/MyFunction/);

    // A linter diagnostic points at the template line it read.
    const templateText = readFileSync('infra/model/model.template.json', 'utf8').split('\n');
    const lint = run.results.find((r) => /^cfn-(lint|validate)\//.test(r.ruleId) && r.locations[0].physicalLocation.region)!;
    expect(lint.locations[0].physicalLocation.artifactLocation.uri).toBe('infra/model/model.template.json');
    expect(templateText[lint.locations[0].physicalLocation.region!.startLine - 1]).toMatch(/\S/);

    const imports = run.results.filter((r) => r.ruleId === 'cdk-v1-imports');
    expect(imports.length).toBeGreaterThan(0);
    for (const r of imports) {
      const place = r.locations[0].physicalLocation;
      expect(place.artifactLocation.uri).toBe('infra/model/MODEL_RESPONSE.md');
      expect(markdownText[place.region!.startLine - 1]).toMatch(/aws-cdk|import/);
    }
  });
});

describe('SARIF of a markdown answer', () => {
  it("points template findings and validator diagnostics of a block at the markdown file's lines", async () => {
    const md = [
      '# Answer',
      '',
      '```yaml',
      'Resources:',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '  Fn:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Runtime: python3.8',
      '      Handler: index.handler',
      '      Role: arn:aws:iam::123456789012:role/x',
      '      Code: { ZipFile: "x" }',
      '```',
      '',
    ].join('\n');
    const templates = templateFilesOfText('answer.md', md);
    const { classifyMarkdown } = await import('../templates/markdown');
    const findings = await analyzeArtifact({ template: classifyMarkdown(md, 'answer.md').templates[0].loaded, sources: [] });
    const log = renderSarif({ findings, templates, artifact: 'answer.md' });
    expect(schemaErrors(log)).toEqual([]);
    const lines = md.split('\n');
    const at = (ruleId: string) => log.runs[0].results.find((r) => r.ruleId === ruleId)!.locations[0].physicalLocation;
    expect(at('s3-encryption-enforced')).toEqual({
      artifactLocation: { uri: 'answer.md' },
      region: { startLine: lines.indexOf('  Bucket:') + 1 },
    });
    const runtime = at('cfn-validate/W2531');
    expect(runtime.artifactLocation.uri).toBe('answer.md');
    expect(lines[runtime.region!.startLine - 1]).toContain('Runtime: python3.8');
  });
});
