import { describe, expect, it } from 'vitest';
import { functionResource, resource, template } from '../rules/test-util';
import type { IsolatedSynthResult, SynthesizedStack } from '../synth/isolated';
import type { CfnResource } from '../templates/types';
import { artifactOfSynthesis } from './isolated-artifact';
import { reviewArtifacts } from './run';
import type { InlineFile, ReviewFinding } from './types';

const containment = { network: 'module', filesystem: 'permission-model' } as const;
const synthesized = (...templates: SynthesizedStack[]): IsolatedSynthResult => ({ status: 'ok', templates, durationMs: 1, containment });
const stack = (stackName: string, resources: Record<string, CfnResource>, parent?: string): SynthesizedStack => ({
  stackName,
  template: template(resources),
  ...(parent ? { parent } : {}),
});
const nested = { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://s3.amazonaws.com/b/k.json' } };
const source = (text: string): InlineFile[] => [{ name: 'lib/tap-stack.ts', text, role: 'source' }];

/** The model-side findings of `rule` as [stack, resources]. */
const placesOf = (findings: ReviewFinding[], rule: string, side = 'model') =>
  findings.filter((f) => f.rule === rule && f.side === side).map((f) => [f.stack, f.resources.join(',')]);

describe('a review of multi-stack apps', () => {
  // The reference: an empty parent, its nested stack holding the function, and a data stack; the model splits differently.
  const reference = artifactOfSynthesis(
    'reference',
    source('export class TapStack {}'),
    synthesized(
      stack('TapStack', { NetworkNested: nested }),
      stack('TapStack/Network', { Fn: functionResource({ DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:1:dlq' } }) }, 'TapStack'),
      stack('DataStack', { Table: resource('AWS::DynamoDB::Table', { KeySchema: [] }) }),
    ),
  );
  const model = artifactOfSynthesis(
    'model',
    source("const zone = 'us-east-1a';"),
    synthesized(
      stack('TapStackdev', { NetworkNested: nested }),
      stack('TapStackdev/Network', { Fn: functionResource() }, 'TapStackdev'),
      stack('Storage', { Table: resource('AWS::DynamoDB::Table', { KeySchema: [] }), Fn: functionResource() }),
    ),
  );
  const def = { id: 'multi-stack', name: 'multi-stack', reference: { label: 'reference' }, model: { label: 'model' } };

  it('lists every stack, nested ones with their parent, in the artifact state', () => {
    expect(model.state).toMatchObject({
      status: 'ok',
      kind: 'cdk-synthesized',
      resourceCount: 4,
      stacks: [
        { name: 'TapStackdev', resourceCount: 1 },
        { name: 'TapStackdev/Network', parent: 'TapStackdev', resourceCount: 1 },
        { name: 'Storage', resourceCount: 2 },
      ],
    });
    expect(model.template?.template.Resources).toHaveProperty('Table');
  });

  it('analyzes every stack and says which stack each template finding is about; source findings name none', async () => {
    const review = await reviewArtifacts(def, reference, model);
    expect(placesOf(review.findings, 'lambda-dead-letter-queue')).toEqual([
      ['TapStackdev/Network', 'Fn'],
      ['Storage', 'Fn'],
    ]);
    expect(placesOf(review.findings, 'lambda-dead-letter-queue', 'reference')).toEqual([]);
    expect(placesOf(review.findings, 'lambda-log-group', 'reference')).toEqual([['TapStack/Network', 'Fn']]);
    const zone = review.findings.find((f) => f.rule === 'hardcoded-availability-zones');
    expect(zone).toMatchObject({ side: 'model', location: { file: 'lib/tap-stack.ts', line: 1 } });
    expect(zone).not.toHaveProperty('stack');
    const evidence = review.findings.find((f) => f.rule === 'lambda-dead-letter-queue')?.evidence ?? [];
    expect(evidence.length).toBeGreaterThan(0);
    for (const item of evidence) expect(item).toMatchObject({ resource: 'Fn', stack: 'TapStackdev/Network' });
  });

  it('compares each stack with its counterpart: by name (environment suffix aside, nested included), then by resources', async () => {
    const review = await reviewArtifacts(def, reference, model);
    expect(review.diff?.stacks?.map((s) => [s.from, s.to, s.pairedBy])).toEqual([
      ['TapStack', 'TapStackdev', 'name'],
      ['TapStack/Network', 'TapStackdev/Network', 'name'],
      ['DataStack', 'Storage', 'resources'],
    ]);
    expect(review.diff?.resources.map((r) => [r.stack, r.logicalId, r.change])).toEqual([
      ['TapStackdev/Network', 'Fn', 'updated'],
      ['Storage', 'Fn', 'added'],
    ]);
  });

  it('keeps a one-stack app as it was: no stack names on findings, state or diff', async () => {
    const single = (label: string, fn: CfnResource) => artifactOfSynthesis(label, source(''), synthesized(stack('TapStack', { Fn: fn })));
    const review = await reviewArtifacts(
      { ...def, id: 'one-stack' },
      single('reference', functionResource({ Timeout: 3 })),
      single('model', functionResource()),
    );
    expect(review.model).not.toHaveProperty('stacks');
    expect(review.findings.some((f) => 'stack' in f)).toBe(false);
    expect(review.diff).not.toHaveProperty('stacks');
    expect(review.diff?.resources.map((r) => Object.keys(r))).toEqual([
      ['logicalId', 'type', 'change', 'impact', 'destructive', 'properties'],
    ]);
  });
});
