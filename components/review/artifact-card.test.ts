import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ArtifactCard } from '@/components/review/artifact-card';
import type { IsolatedSynthResult } from '@/lib/synth/isolated';
import { artifactOfSynthesis } from '@/lib/pipeline/isolated-artifact';
import type { InlineFile } from '@/lib/pipeline/types';

const files: InlineFile[] = [
  { name: 'lib/tap-stack.ts', text: "import * as cdk from 'aws-cdk-lib';\nexport class TapStack extends cdk.Stack {}\n" },
];
const failed = (stage: 'compile' | 'tool', message: string): IsolatedSynthResult => ({
  status: 'failed',
  stage,
  message,
  diagnostics: stage === 'compile' ? [{ file: 'lib/tap-stack.ts', line: 2, message }] : [],
  durationMs: 1,
});
const card = (state: ReturnType<typeof artifactOfSynthesis>['state']) =>
  renderToStaticMarkup(createElement(ArtifactCard, { side: 'model', artifact: state }));

describe('a CDK side whose synthesis failed', () => {
  it("through the answer's fault: the card says failed with the stage and reason, and the answer gets a cdk-* finding", () => {
    const side = artifactOfSynthesis('model', files, failed('compile', "Cannot find module 'aws-cdk-lib/core'"));
    expect(side.state).toMatchObject({ status: 'ok', synthesis: { stage: 'compile', fault: 'answer' } });
    expect(side.extraFindings.map((f) => f.rule)).toEqual(['cdk-compile']);
    const html = card(side.state);
    expect(html).toMatch(/data-testid="artifact-status"[^>]*>failed</);
    expect(html).toContain('data-fault="answer"');
    expect(html).toContain('Cannot find module &#x27;aws-cdk-lib/core&#x27;');
  });

  it("through infra-review's fault: the card says so with the reason, and no finding blames the answer", () => {
    const side = artifactOfSynthesis('model', files, failed('tool', 'The package source-map-support is not installed.'));
    expect(side.state).toMatchObject({ synthesis: { stage: 'tool', fault: 'tool' } });
    expect(side.extraFindings).toEqual([]);
    const html = card(side.state);
    expect(html).toMatch(/data-testid="artifact-status"[^>]*>failed</);
    expect(html).toContain('data-fault="tool"');
    expect(html).toContain('Synthesis failed in infra-review, not in the answer');
  });

  it('a synthesized side stays ok, with no failure shown', () => {
    const template = { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } };
    const side = artifactOfSynthesis('model', files, {
      status: 'ok',
      templates: [{ stackName: 'TapStack', template }],
      durationMs: 1,
      containment: { network: 'namespace', filesystem: 'permission-model' },
    } as IsolatedSynthResult);
    expect(side.state).not.toHaveProperty('synthesis');
    expect(card(side.state)).toMatch(/data-testid="artifact-status"[^>]*>ok</);
  });
});
