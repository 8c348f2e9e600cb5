import { describe, expect, it } from 'vitest';
import { functionResource, resource, template } from '../rules/test-util';
import type { IsolatedSynthResult, SynthesizedStack } from '../synth/isolated';
import type { CfnResource } from '../templates/types';
import { reviewDifferences } from './differences';
import { loadInlineArtifact } from './inline-artifact';
import { artifactOfSynthesis } from './isolated-artifact';

const templateArtifact = (label: string, resources: Record<string, CfnResource>) =>
  loadInlineArtifact(label, [{ name: 'template.json', text: JSON.stringify(template(resources)), role: 'template' }]);

const containment = { network: 'module', filesystem: 'permission-model' } as const;
const app = (label: string, ...stacks: [string, Record<string, CfnResource>][]) =>
  artifactOfSynthesis(label, [], {
    status: 'ok',
    durationMs: 1,
    containment,
    templates: stacks.map(([stackName, resources]): SynthesizedStack => ({ stackName, template: template(resources) })),
  } satisfies IsolatedSynthResult);

describe('reviewDifferences', () => {
  it('non-compliant: a template pair yields the model-side differences from the reference', () => {
    const reference = templateArtifact('reference', {
      Fn: functionResource({ Runtime: 'python3.12' }),
      Alarm: resource('AWS::CloudWatch::Alarm'),
    });
    const model = templateArtifact('model', { Fn: functionResource({ Runtime: 'python3.8' }) });
    const findings = reviewDifferences(reference, model);
    expect(findings.map((f) => [f.rule, f.category, f.resources])).toEqual([
      ['difference/missing-resource', 'observability', []],
      ['difference/property', 'deployment', ['Fn']],
    ]);
  });

  it('compliant: nothing without a reference template (a review without a reference is unchanged)', () => {
    const model = templateArtifact('model', { Fn: functionResource() });
    expect(reviewDifferences(loadInlineArtifact('reference', []), model)).toEqual([]);
  });

  it('compares multi-stack apps stack pair by stack pair, each finding tagged with the model stack', () => {
    const reference = app(
      'reference',
      ['TapStack', { Fn: functionResource({ Timeout: 30 }) }],
      ['DataStack', { Table: resource('AWS::DynamoDB::Table') }],
    );
    const model = app('model', ['TapStackdev', { Fn: functionResource() }], ['DataStackdev', { Table: resource('AWS::DynamoDB::Table') }]);
    const findings = reviewDifferences(reference, model);
    expect(findings.map((f) => [f.stack, f.rule, f.resources])).toEqual([['TapStackdev', 'difference/property', ['Fn']]]);
    expect(findings[0].evidence?.map((e) => [e.side, e.stack])).toEqual([
      ['reference', 'TapStack'],
      ['model', 'TapStackdev'],
    ]);
  });

  it('non-compliant: a reference stack the model lacks altogether is missing resource by resource, under its own name', () => {
    const reference = app(
      'reference',
      ['TapStack', { Fn: functionResource() }],
      ['MonitoringStack', { Alarm: resource('AWS::CloudWatch::Alarm'), Key: resource('AWS::KMS::Key') }],
    );
    const model = app('model', ['TapStackdev', { Fn: functionResource() }]);
    const findings = reviewDifferences(reference, model);
    expect(findings.map((f) => [f.stack, f.rule, f.category])).toEqual(
      expect.arrayContaining([
        ['MonitoringStack', 'difference/missing-resource', 'observability'],
        ['MonitoringStack', 'difference/missing-resource', 'security'],
      ]),
    );
    expect(findings.every((f) => f.stack === 'MonitoringStack')).toBe(true);
  });

  it('applies the model template’s own acknowledgements to difference findings', () => {
    const reference = templateArtifact('reference', { Fn: functionResource({ Timeout: 30 }) });
    const fn = {
      ...functionResource(),
      Metadata: { 'infra-review': { acknowledge: [{ rule: 'difference/property', reason: 'default timeout on purpose' }] } },
    };
    const [finding] = reviewDifferences(reference, templateArtifact('model', { Fn: fn }));
    expect(finding.acknowledged?.reason).toBe('default timeout on purpose');
  });
});
